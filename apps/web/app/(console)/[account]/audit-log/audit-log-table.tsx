"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { DataTable, Th } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type AuditLogFilterValues, toAuditLogFilter } from "./audit-log-filters";
import { AuditLogQuery } from "./audit-log-operations";
import { AuditLogRow } from "./audit-log-row";

const PAGE_SIZE = 25;

/** Newest first, 25 at a time; "Load more" follows the connection's cursor. */
export function AuditLogTable({ filter }: { filter: AuditLogFilterValues }) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toAuditLogFilter(filter) };
  const log = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "AuditLog", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(AuditLogQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.auditLog.pageInfo.hasNextPage ? (page.auditLog.pageInfo.endCursor ?? null) : null,
  });

  if (log.isPending) return <LoadingState label="Loading audit log…" />;
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces the table.
  if (!log.data) return <ErrorState error={log.error} onRetry={() => log.refetch()} />;

  const entries = log.data.pages.flatMap((page) => page.auditLog.nodes);
  const totalCount = log.data.pages[0]?.auditLog.totalCount ?? entries.length;
  if (entries.length === 0) return <EmptyState title="No audit log entries match these filters" />;
  return (
    <>
      <DataTable caption="Audit log">
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Actor</Th>
            <Th>Action</Th>
            <Th>Entity</Th>
            <Th>Request id</Th>
            <Th>
              <span className="sr-only">Details</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {entries.map((entry) => (
            <AuditLogRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </DataTable>
      <div className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
        <span>
          Showing {entries.length} of {totalCount}
        </span>
        {log.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => log.fetchNextPage()}
            disabled={log.isFetchingNextPage}
          >
            {log.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
      {log.isFetchNextPageError ? <ErrorState error={log.error} /> : null}
    </>
  );
}
