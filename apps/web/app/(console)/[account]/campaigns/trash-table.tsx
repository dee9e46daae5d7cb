"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountSlug } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { type CampaignFilterValues, hasFilter } from "./campaign-filters";
import { type CampaignListItem, TYPE_LABELS } from "./campaign-model";
import { campaignPath } from "./campaign-paths";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { CAMPAIGN_QUERIES, RestoreCampaignMutation } from "./campaigns-operations";
import { useCampaignPages } from "./use-campaign-pages";

/** Deleted campaigns, restorable for 30 days after they were deleted. */
export function TrashTable({ filter, canEdit }: { filter: CampaignFilterValues; canEdit: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, campaigns, totalCount } = useCampaignPages(filter, true);
  const restore = useAccountMutation(RestoreCampaignMutation);
  const action = useRowAction(CAMPAIGN_QUERIES);

  async function restoreCampaign(campaign: CampaignListItem) {
    await action.run(
      async () =>
        (await restore.mutateAsync({ input: { id: campaign.id, version: campaign.version } }))
          .restoreCampaign,
      "Could not restore the campaign.",
    );
  }

  if (pages.isPending) return <LoadingState label="Loading the trash…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (campaigns.length === 0) {
    return hasFilter(filter) ? (
      <EmptyState title="No deleted campaigns match these filters" />
    ) : (
      <EmptyState title="The trash is empty">Deleted campaigns stay here for 30 days.</EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <div className="px-4 pt-3">
        <FieldError message={action.error} />
      </div>
      <DataTable caption="Deleted campaigns">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Status</Th>
            <Th>Deleted</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {campaigns.map((campaign) => (
            <tr key={campaign.id}>
              <Td className="font-medium text-zinc-900">
                <Link
                  href={campaignPath(accountSlug, campaign.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {campaign.name}
                </Link>
              </Td>
              <Td>{TYPE_LABELS[campaign.type]}</Td>
              <Td>
                <CampaignStatusBadge status={campaign.status} />
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(campaign.deletedAt)}</Td>
              <Td className="text-right">
                {canEdit ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Restore ${campaign.name}`}
                    disabled={restore.isPending}
                    onClick={() => restoreCampaign(campaign)}
                  >
                    Restore
                  </Button>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={campaigns.length} totalCount={totalCount} />
    </div>
  );
}
