// One campaign by id for its detail and edit pages; null when it does not exist in this account.
"use client";

import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { CampaignDetailQuery } from "../campaigns-operations";

export function useCampaign(campaignId: string) {
  const query = useAccountQuery(CampaignDetailQuery, { id: campaignId });
  return { query, campaign: query.data?.campaign ?? null };
}
