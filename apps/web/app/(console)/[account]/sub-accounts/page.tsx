import type { Metadata } from "next";
import { SubAccountsView } from "./sub-accounts-view";

export const metadata: Metadata = { title: "Sub-accounts" };

export default function SubAccountsPage() {
  return <SubAccountsView />;
}
