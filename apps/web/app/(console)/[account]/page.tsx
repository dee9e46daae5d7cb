import type { Metadata } from "next";
import { AccountOverview } from "./account-overview";

export const metadata: Metadata = { title: "Overview" };

export default function AccountOverviewPage() {
  return <AccountOverview />;
}
