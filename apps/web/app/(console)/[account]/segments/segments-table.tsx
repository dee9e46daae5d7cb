"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime, formatTokens } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { KIND_LABELS } from "./segment-model";
import { newSegmentPath, segmentPath } from "./segment-paths";
import { useSegmentPages } from "./use-segment-pages";

/** Segments by name, 25 at a time: kind, members as of the last calculation, and when that was. */
export function SegmentsTable({ search, canEdit }: { search: string; canEdit: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, segments, totalCount } = useSegmentPages(search);

  if (pages.isPending) return <LoadingState label="Loading segments…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (segments.length === 0) {
    return search.trim() ? (
      <EmptyState title="No segments match this search" />
    ) : (
      <EmptyState title="No segments yet">
        {canEdit ? (
          <>
            <p>A segment picks contacts by their data, tags, consent and behaviour.</p>
            <Link href={newSegmentPath(accountSlug)} className={`${buttonClasses("primary", "sm")} mt-3`}>
              Create a segment
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
      <DataTable caption="Segments">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Kind</Th>
            <Th className="text-right">Members</Th>
            <Th>Last calculated</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {segments.map((segment) => (
            <tr key={segment.id}>
              <Td className="font-medium text-zinc-900">
                <Link
                  href={segmentPath(accountSlug, segment.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {segment.name}
                </Link>
                {segment.description ? (
                  <span className="block max-w-md truncate text-xs font-normal text-zinc-500">
                    {segment.description}
                  </span>
                ) : null}
              </Td>
              <Td>
                <Badge tone={segment.kind === "DYNAMIC" ? "accent" : "neutral"}>
                  {KIND_LABELS[segment.kind]}
                </Badge>
              </Td>
              <Td className="text-right tabular-nums">{formatTokens(segment.memberCount)}</Td>
              <Td className="whitespace-nowrap">
                {segment.lastCalculatedAt ? formatDateTime(segment.lastCalculatedAt) : "Not yet"}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={segments.length} totalCount={totalCount} />
    </div>
  );
}
