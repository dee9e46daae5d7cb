"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime, formatSignedTokens, formatTokens } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { transactionTypeLabel } from "@/lib/billing/transaction-types";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type LedgerFilterValues, toTransactionFilter } from "./ledger-filters";
import { WalletTransactionsQuery } from "./wallet-operations";

const PAGE_SIZE = 25;

/** Newest first, 25 at a time; "Load more" follows the connection's cursor. */
export function LedgerTable({ filter }: { filter: LedgerFilterValues }) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toTransactionFilter(filter) };
  const ledger = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "WalletTransactions", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(WalletTransactionsQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.transactions.pageInfo.hasNextPage ? (page.transactions.pageInfo.endCursor ?? null) : null,
  });

  if (ledger.isPending) return <LoadingState label="Loading ledger…" />;
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces the table.
  if (!ledger.data) return <ErrorState error={ledger.error} onRetry={() => ledger.refetch()} />;

  const entries = ledger.data.pages.flatMap((page) => page.transactions.nodes);
  const totalCount = ledger.data.pages[0]?.transactions.totalCount ?? entries.length;
  if (entries.length === 0) return <EmptyState title="No ledger entries match these filters" />;
  return (
    <>
      <DataTable caption="Ledger">
        <thead>
          <tr>
            <Th className="text-right">#</Th>
            <Th>Date</Th>
            <Th>Type</Th>
            <Th>Description</Th>
            <Th>Service</Th>
            <Th className="text-right">Units</Th>
            <Th className="text-right">Amount</Th>
            <Th className="text-right">Balance after</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="text-right text-zinc-500 tabular-nums">{entry.seq}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
              <Td>
                <Badge tone={entry.amount > 0 ? "success" : "neutral"}>
                  {transactionTypeLabel(entry.type)}
                </Badge>
              </Td>
              <Td className="text-zinc-900">{entry.description}</Td>
              <Td className="font-mono text-xs">{entry.serviceCode ?? "—"}</Td>
              <Td className="text-right tabular-nums">
                {entry.units === null ? "—" : formatTokens(entry.units)}
              </Td>
              <Td
                className={`text-right font-medium tabular-nums ${entry.amount < 0 ? "text-red-700" : "text-emerald-700"}`}
              >
                {formatSignedTokens(entry.amount)}
              </Td>
              <Td className="text-right tabular-nums">{formatTokens(entry.balanceAfter)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
        <span>
          Showing {entries.length} of {totalCount}
        </span>
        {ledger.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => ledger.fetchNextPage()}
            disabled={ledger.isFetchingNextPage}
          >
            {ledger.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
      {ledger.isFetchNextPageError ? <ErrorState error={ledger.error} /> : null}
    </>
  );
}
