import type { Metadata } from "next";
import { CampaignDetailView } from "./campaign-detail-view";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params;
  return <CampaignDetailView campaignId={decodeURIComponent(campaignId)} />;
}
