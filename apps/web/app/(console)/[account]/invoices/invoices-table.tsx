"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDate, formatMoney } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { InvoicesQuery } from "./invoices-operations";

const PAGE_SIZE = 25;

/** Newest first; "Load more" follows the connection's cursor. */
export function InvoicesTable() {
  const accountSlug = useAccountSlug();
  const invoices = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "Invoices", { first: PAGE_SIZE }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(InvoicesQuery, { first: PAGE_SIZE, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.invoices.pageInfo.hasNextPage ? (page.invoices.pageInfo.endCursor ?? null) : null,
  });

  if (invoices.isPending) return <LoadingState label="Loading invoices…" />;
  if (!invoices.data) return <ErrorState error={invoices.error} onRetry={() => invoices.refetch()} />;

  const nodes = invoices.data.pages.flatMap((page) => page.invoices.nodes);
  const totalCount = invoices.data.pages[0]?.invoices.totalCount ?? nodes.length;
  if (nodes.length === 0) {
    return <EmptyState title="No invoices yet">Buying tokens on the Wallet page issues one.</EmptyState>;
  }
  return (
    <>
      <DataTable caption="Invoices">
        <thead>
          <tr>
            <Th>Number</Th>
            <Th>Issued</Th>
            <Th>Status</Th>
            <Th className="text-right">Total</Th>
            <Th>Paid</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((invoice) => (
            <tr key={invoice.id}>
              <Td className="font-medium text-zinc-900">
                <Link
                  href={`/${accountSlug}/invoices/${encodeURIComponent(invoice.id)}` as Route}
                  className="hover:text-accent-700 hover:underline"
                >
                  {invoice.formattedNumber}
                </Link>
              </Td>
              <Td>{formatDate(invoice.issuedAt)}</Td>
              <Td>
                <Badge tone={statusTone(invoice.status)}>{enumLabel(invoice.status)}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{formatMoney(invoice.totalMinor, invoice.currency)}</Td>
              <Td>{formatDate(invoice.paidAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
        <span>
          Showing {nodes.length} of {totalCount}
        </span>
        {invoices.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => invoices.fetchNextPage()}
            disabled={invoices.isFetchingNextPage}
          >
            {invoices.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
      {invoices.isFetchNextPageError ? <ErrorState error={invoices.error} /> : null}
    </>
  );
}
