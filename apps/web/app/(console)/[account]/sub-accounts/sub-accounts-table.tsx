"use client";

import Link from "next/link";
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { SubAccountsQuery } from "./sub-accounts-operations";

export function SubAccountsTable() {
  const subAccounts = useAccountQuery(SubAccountsQuery, {});
  if (subAccounts.isPending) return <LoadingState label="Loading sub-accounts…" />;
  if (subAccounts.isError)
    return <ErrorState error={subAccounts.error} onRetry={() => subAccounts.refetch()} />;

  const { nodes, totalCount } = subAccounts.data.subAccounts;
  if (nodes.length === 0) {
    return (
      <EmptyState title="No sub-accounts yet">Create one for each client business you manage.</EmptyState>
    );
  }
  return (
    <>
      <DataTable caption="Sub-accounts">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Slug</Th>
            <Th>Plan</Th>
            <Th>Status</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((account) => (
            <tr key={account.id}>
              <Td className="font-medium text-zinc-900">
                <Link href={`/${account.slug}`} className="hover:text-accent-700">
                  {account.name}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{account.slug}</Td>
              <Td>{enumLabel(account.plan)}</Td>
              <Td>
                <Badge tone={statusTone(account.status)}>{enumLabel(account.status)}</Badge>
              </Td>
              <Td>{formatDate(account.createdAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {totalCount > nodes.length ? (
        <p className="border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
          Showing {nodes.length} of {totalCount} sub-accounts.
        </p>
      ) : null}
    </>
  );
}
