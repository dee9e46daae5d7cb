"use client";

import type { ReactNode } from "react";
import { formatDateTime, formatTokens } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { WalletQuery } from "./wallet-operations";

type Wallet = ResultOf<typeof WalletQuery>["wallet"];

/** Balance, tokens held by work in flight, and what can be spent now; warns below the threshold. */
export function BalanceCard({ wallet }: { wallet: Wallet }) {
  return (
    <section aria-label="Balance" className="mb-6">
      {wallet.lowBalanceSince ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          Low balance: below {formatTokens(wallet.lowBalanceThreshold ?? 0)} tokens since{" "}
          {formatDateTime(wallet.lowBalanceSince)}. Buy tokens so that services keep running.
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Figure label="Balance" hint="Tokens in the wallet">
          {formatTokens(wallet.balance)}
        </Figure>
        <Figure label="Reserved" hint="Held by work in progress">
          {formatTokens(wallet.reserved)}
        </Figure>
        <Figure label="Available" hint="Balance minus reserved: what can be spent now">
          {formatTokens(wallet.available)}
        </Figure>
      </dl>
    </section>
  );
}

function Figure({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs">
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-zinc-900 tabular-nums">
        {children} <span className="text-sm font-normal text-zinc-500">tokens</span>
      </dd>
      <dd className="mt-1 text-xs text-zinc-500">{hint}</dd>
    </div>
  );
}
