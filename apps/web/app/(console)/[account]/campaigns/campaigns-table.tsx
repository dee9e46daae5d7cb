"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { CampaignDates } from "./campaign-dates";
import { type CampaignFilterValues, hasFilter } from "./campaign-filters";
import { TYPE_LABELS } from "./campaign-model";
import { campaignPath, newCampaignPath } from "./campaign-paths";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { CampaignTags } from "./campaign-tags";
import { useCampaignPages } from "./use-campaign-pages";

/** Live campaigns, newest first, 25 at a time. */
export function CampaignsTable({ filter, canEdit }: { filter: CampaignFilterValues; canEdit: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, campaigns, totalCount } = useCampaignPages(filter, false);

  if (pages.isPending) return <LoadingState label="Loading campaigns…" />;
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces the table.
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (campaigns.length === 0) {
    return hasFilter(filter) ? (
      <EmptyState title="No campaigns match these filters" />
    ) : (
      <EmptyState title="No campaigns yet">
        {canEdit ? (
          <>
            <p>A campaign groups the content and posts of one marketing push.</p>
            <Link href={newCampaignPath(accountSlug)} className={`${buttonClasses("primary", "sm")} mt-3`}>
              Create a campaign
            </Link>
          </>
        ) : (
          "Owners, admins and members can create them."
        )}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Campaigns">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Status</Th>
            <Th>Dates</Th>
            <Th>Tags</Th>
            <Th>Updated</Th>
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
              <Td className="text-xs">
                <CampaignDates
                  startsAt={campaign.startsAt}
                  endsAt={campaign.endsAt}
                  timeZone={campaign.timeZone}
                />
              </Td>
              <Td>
                <CampaignTags tags={campaign.tags} />
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(campaign.updatedAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={campaigns.length} totalCount={totalCount} />
    </div>
  );
}
