import type { Metadata } from "next";
import { NewCampaignView } from "./new-campaign-view";

export const metadata: Metadata = { title: "New campaign" };

export default function NewCampaignPage() {
  return <NewCampaignView />;
}
