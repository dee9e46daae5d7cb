"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { type CampaignDetail, canEditCampaigns, isFinished } from "../campaign-model";
import { campaignsPath, editCampaignPath } from "../campaign-paths";
import { CampaignStatusBadge } from "../campaign-status-badge";
import { CAMPAIGN_QUERIES, DeleteCampaignMutation, RestoreCampaignMutation } from "../campaigns-operations";
import { CampaignFacts } from "./campaign-facts";
import { CampaignRelated } from "./campaign-related";
import { CampaignStatusActions } from "./campaign-status-actions";
import { useCampaign } from "./use-campaign";

export function CampaignDetailView({ campaignId }: { campaignId: string }) {
  const accountSlug = useAccountSlug();
  const { query, campaign } = useCampaign(campaignId);

  return (
    <>
      <Link href={campaignsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All campaigns
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading campaign…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !campaign ? (
        <Panel>
          <EmptyState title="Campaign not found">It does not exist or belongs to another account.</EmptyState>
        </Panel>
      ) : (
        <CampaignPage campaign={campaign} />
      )}
    </>
  );
}

function CampaignPage({ campaign }: { campaign: CampaignDetail }) {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const canEdit = canEditCampaigns(account?.viewerRole);
  const deleted = campaign.deletedAt !== null;

  return (
    <>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold text-zinc-900">{campaign.name}</h1>
            <span data-testid="campaign-status">
              <CampaignStatusBadge status={campaign.status} />
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-500">Version {campaign.version}</p>
        </div>
        {canEdit && !deleted ? (
          <div className="flex flex-wrap items-start gap-2">
            <CampaignStatusActions campaign={campaign} />
            {isFinished(campaign.status) ? null : (
              <Link
                href={editCampaignPath(accountSlug, campaign.id)}
                className={buttonClasses("secondary", "sm")}
              >
                Edit
              </Link>
            )}
            <DeleteCampaignButton campaign={campaign} />
          </div>
        ) : null}
      </div>
      {deleted ? <TrashNotice campaign={campaign} canEdit={canEdit} /> : null}
      {canEdit ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read this campaign; owners, admins and members change it.
        </p>
      )}
      <Panel title="Details">
        <CampaignFacts campaign={campaign} />
      </Panel>
      <CampaignRelated campaign={campaign} />
    </>
  );
}

/** Moves the campaign to the trash, then goes back to the list (it is no longer listed there). */
function DeleteCampaignButton({ campaign }: { campaign: CampaignDetail }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const remove = useAccountMutation(DeleteCampaignMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);

  async function deleteCampaign() {
    setError(null);
    try {
      const { deleteCampaign: payload } = await remove.mutateAsync({
        input: { id: campaign.id, version: campaign.version },
      });
      const [first] = payload.userErrors;
      if (first) {
        setError(first.message);
        await refresh(CAMPAIGN_QUERIES);
        return;
      }
      await refresh(CAMPAIGN_QUERIES);
      router.push(campaignsPath(accountSlug));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not delete the campaign.");
    }
  }

  return (
    <div>
      <ConfirmButton
        label="Delete"
        ariaLabel={`Delete ${campaign.name}`}
        title="Move this campaign to the trash?"
        description="It disappears from the lists; you can restore it from the trash for 30 days."
        confirmLabel="Move to trash"
        onConfirm={deleteCampaign}
      />
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TrashNotice({ campaign, canEdit }: { campaign: CampaignDetail; canEdit: boolean }) {
  const restore = useAccountMutation(RestoreCampaignMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);

  async function restoreCampaign() {
    setError(null);
    try {
      const { restoreCampaign: payload } = await restore.mutateAsync({
        input: { id: campaign.id, version: campaign.version },
      });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not restore the campaign.");
    }
    await refresh(CAMPAIGN_QUERIES);
  }

  return (
    <div role="status" className="mb-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      <div className="flex flex-wrap items-center gap-3">
        <span>This campaign is in the trash (deleted {formatDateTime(campaign.deletedAt)}).</span>
        {canEdit ? (
          <Button variant="secondary" size="sm" disabled={restore.isPending} onClick={restoreCampaign}>
            Restore
          </Button>
        ) : null}
      </div>
      {error ? <p className="mt-1 text-red-700">{error}</p> : null}
    </div>
  );
}
