"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td, Th } from "@/components/ui/data-table";
import { formatBasisPoints, formatTokens } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { SubAccountWalletsQuery } from "./sub-accounts-operations";

export type SubAccountWallet = ResultOf<typeof SubAccountWalletsQuery>["subAccountWallets"][number];

export function SubAccountWalletHeaders() {
  return (
    <>
      <Th className="text-right">Balance</Th>
      <Th className="text-right">Spent this month</Th>
      <Th className="text-right">Markup</Th>
    </>
  );
}

/** A sub-account's balance, this month's spend and the agency's markup (tokens, basis points as %). */
export function SubAccountWalletCells({
  wallet,
  loading,
}: {
  wallet: SubAccountWallet | undefined;
  loading: boolean;
}) {
  const placeholder = loading ? "…" : "—";
  if (!wallet) {
    return (
      <>
        <Td className="text-right text-zinc-400">{placeholder}</Td>
        <Td className="text-right text-zinc-400">{placeholder}</Td>
        <Td className="text-right text-zinc-400">{placeholder}</Td>
      </>
    );
  }
  return (
    <>
      <Td className="text-right whitespace-nowrap tabular-nums">
        {wallet.lowBalance ? (
          <span className="mr-2">
            <Badge tone="warning">Low</Badge>
          </span>
        ) : null}
        {formatTokens(wallet.balance)}
      </Td>
      <Td className="text-right tabular-nums">{formatTokens(wallet.spentThisMonth)}</Td>
      <Td className="text-right tabular-nums">{formatBasisPoints(wallet.markupBps)}</Td>
    </>
  );
}

export function WalletActions({
  name,
  onTransfer,
  onMarkup,
}: {
  name: string;
  onTransfer: () => void;
  onMarkup: () => void;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" size="sm" aria-label={`Transfer tokens to ${name}`} onClick={onTransfer}>
        Transfer
      </Button>
      <Button variant="ghost" size="sm" aria-label={`Set markup for ${name}`} onClick={onMarkup}>
        Markup
      </Button>
    </div>
  );
}
