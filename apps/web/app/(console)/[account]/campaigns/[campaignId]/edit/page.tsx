import type { Metadata } from "next";
import { EditCampaignView } from "./edit-campaign-view";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params;
  return <EditCampaignView campaignId={decodeURIComponent(campaignId)} />;
}
