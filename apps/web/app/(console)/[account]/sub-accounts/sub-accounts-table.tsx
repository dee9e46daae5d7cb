"use client";

import Link from "next/link";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { Modal } from "@/components/ui/modal";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { canFundSubAccounts } from "@/lib/billing/permissions";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { MarkupForm } from "./markup-form";
import {
  type SubAccountWallet,
  SubAccountWalletCells,
  SubAccountWalletHeaders,
  WalletActions,
} from "./sub-account-wallet-cells";
import { SubAccountsQuery, SubAccountWalletsQuery } from "./sub-accounts-operations";
import { TransferTokensForm } from "./transfer-tokens-form";

type OpenDialog = { kind: "transfer" | "markup"; wallet: SubAccountWallet } | null;

export function SubAccountsTable() {
  const { account } = useConsole();
  const canFund = canFundSubAccounts(account?.viewerRole);
  const subAccounts = useAccountQuery(SubAccountsQuery, {});
  const wallets = useAccountQuery(SubAccountWalletsQuery, {});
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (subAccounts.isPending) return <LoadingState label="Loading sub-accounts…" />;
  if (subAccounts.isError)
    return <ErrorState error={subAccounts.error} onRetry={() => subAccounts.refetch()} />;

  const { nodes, totalCount } = subAccounts.data.subAccounts;
  if (nodes.length === 0) {
    return (
      <EmptyState title="No sub-accounts yet">Create one for each client business you manage.</EmptyState>
    );
  }
  const walletOf = (id: string) => wallets.data?.subAccountWallets.find((wallet) => wallet.accountId === id);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <>
      <DataTable caption="Sub-accounts">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Slug</Th>
            <Th>Plan</Th>
            <Th>Status</Th>
            <SubAccountWalletHeaders />
            <Th>Created</Th>
            {canFund ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((subAccount) => {
            const wallet = walletOf(subAccount.id);
            return (
              <tr key={subAccount.id}>
                <Td className="font-medium text-zinc-900">
                  <Link href={`/${subAccount.slug}`} className="hover:text-accent-700">
                    {subAccount.name}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{subAccount.slug}</Td>
                <Td>{enumLabel(subAccount.plan)}</Td>
                <Td>
                  <Badge tone={statusTone(subAccount.status)}>{enumLabel(subAccount.status)}</Badge>
                </Td>
                <SubAccountWalletCells wallet={wallet} loading={wallets.isPending} />
                <Td>{formatDate(subAccount.createdAt)}</Td>
                {canFund ? (
                  <Td className="text-right whitespace-nowrap">
                    {wallet ? (
                      <WalletActions
                        name={subAccount.name}
                        onTransfer={() => setDialog({ kind: "transfer", wallet })}
                        onMarkup={() => setDialog({ kind: "markup", wallet })}
                      />
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      {wallets.isError ? (
        <p role="alert" className="border-t border-zinc-100 px-4 py-3 text-sm text-red-700">
          Balances could not be loaded: {wallets.error.message}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="border-t border-zinc-100 px-4 py-3 text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      {totalCount > nodes.length ? (
        <p className="border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
          Showing {nodes.length} of {totalCount} sub-accounts.
        </p>
      ) : null}
      <Modal
        open={dialog?.kind === "transfer"}
        onClose={() => setDialog(null)}
        title={`Transfer tokens to ${dialog?.wallet.name ?? ""}`}
        description="Tokens leave the agency's wallet and arrive in the sub-account's at once."
      >
        {dialog?.kind === "transfer" ? (
          <TransferTokensForm recipient={dialog.wallet} onDone={done} onCancel={() => setDialog(null)} />
        ) : null}
      </Modal>
      <Modal
        open={dialog?.kind === "markup"}
        onClose={() => setDialog(null)}
        title={`Markup for ${dialog?.wallet.name ?? ""}`}
      >
        {dialog?.kind === "markup" ? (
          <MarkupForm subAccount={dialog.wallet} onDone={done} onCancel={() => setDialog(null)} />
        ) : null}
      </Modal>
    </>
  );
}
