"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { hasFilter, type JourneyFilterValues } from "./journey-filters";
import { journeyPath } from "./journey-paths";
import { JourneyStatusBadge } from "./journey-status-badge";
import { useJourneyPages } from "./use-journey-pages";

const COUNT = new Intl.NumberFormat("en-GB");

const NumberCell = ({ children }: { children: ReactNode }) => (
  <Td className="text-right tabular-nums">{children}</Td>
);

/** Journeys, newest first, 25 at a time, with how many entered, are in it now and converted. */
export function JourneysTable({
  filter,
  newJourney,
}: {
  filter: JourneyFilterValues;
  newJourney: ReactNode;
}) {
  const accountSlug = useAccountSlug();
  const { pages, journeys, totalCount } = useJourneyPages(filter);

  if (pages.isPending) return <LoadingState label="Loading journeys…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (journeys.length === 0) {
    return hasFilter(filter) ? (
      <EmptyState title="No journeys match these filters" />
    ) : (
      <EmptyState title="No journeys yet">
        <p>A journey takes each contact through messages, waits and decisions, one step at a time.</p>
        {newJourney ? <div className="mt-3 flex justify-center">{newJourney}</div> : null}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Journeys">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th>Published</Th>
            <Th className="text-right">Entered</Th>
            <Th className="text-right">In journey</Th>
            <Th className="text-right">Converted</Th>
            <Th>Updated</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {journeys.map((journey) => {
            const rate =
              journey.stats.entered > 0
                ? Math.round((journey.stats.converted / journey.stats.entered) * 100)
                : null;
            return (
              <tr key={journey.id}>
                <Td className="font-medium text-zinc-900">
                  <Link
                    href={journeyPath(accountSlug, journey.id)}
                    className="hover:text-accent-700 hover:underline"
                  >
                    {journey.name}
                  </Link>
                  {journey.campaign ? (
                    <p className="text-xs font-normal text-zinc-500">{journey.campaign.name}</p>
                  ) : null}
                </Td>
                <Td>
                  <JourneyStatusBadge status={journey.status} />
                </Td>
                <Td className="whitespace-nowrap">
                  {journey.publishedVersion ? (
                    `Version ${journey.publishedVersion}`
                  ) : (
                    <span className="text-zinc-400">Not yet</span>
                  )}
                </Td>
                <NumberCell>{COUNT.format(journey.stats.entered)}</NumberCell>
                <NumberCell>{COUNT.format(journey.stats.active + journey.stats.waiting)}</NumberCell>
                <NumberCell>
                  {COUNT.format(journey.stats.converted)}
                  {rate !== null ? <span className="ml-1 text-xs text-zinc-500">({rate}%)</span> : null}
                </NumberCell>
                <Td className="whitespace-nowrap">{formatDateTime(journey.updatedAt)}</Td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={journeys.length} totalCount={totalCount} />
    </div>
  );
}
