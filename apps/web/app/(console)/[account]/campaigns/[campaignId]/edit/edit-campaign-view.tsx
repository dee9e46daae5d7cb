"use client";

import Link from "next/link";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { CampaignForm } from "../../campaign-form";
import { canEditCampaigns, isFinished, STATUS_LABELS } from "../../campaign-model";
import { campaignPath, campaignsPath } from "../../campaign-paths";
import { useCampaign } from "../use-campaign";

export function EditCampaignView({ campaignId }: { campaignId: string }) {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const { query, campaign } = useCampaign(campaignId);
  // Remounting the form loads the campaign's current values and version into it (after a CONFLICT).
  const [formLoad, setFormLoad] = useState(0);

  async function reload() {
    await query.refetch();
    setFormLoad((n) => n + 1);
  }

  const back = campaign ? campaignPath(accountSlug, campaign.id) : campaignsPath(accountSlug);
  return (
    <>
      <Link href={back} className="text-sm font-medium text-accent-700 hover:underline">
        ← {campaign ? campaign.name : "All campaigns"}
      </Link>
      <PageHeader title="Edit campaign" />
      <Panel>
        {query.isPending ? (
          <LoadingState label="Loading campaign…" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ) : !campaign ? (
          <EmptyState title="Campaign not found">It does not exist or belongs to another account.</EmptyState>
        ) : !canEditCampaigns(account?.viewerRole) ? (
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members can edit campaigns.</p>
        ) : campaign.deletedAt ? (
          <p className="p-4 text-sm text-zinc-500">This campaign is in the trash: restore it to edit it.</p>
        ) : isFinished(campaign.status) ? (
          <p className="p-4 text-sm text-zinc-500">
            {STATUS_LABELS[campaign.status]} campaigns are finished and cannot be edited.
          </p>
        ) : (
          <CampaignForm key={formLoad} campaign={campaign} onReload={reload} />
        )}
      </Panel>
    </>
  );
}
