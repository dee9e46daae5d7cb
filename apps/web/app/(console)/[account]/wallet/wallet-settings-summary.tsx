"use client";

import { formatTokens } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { WalletQuery } from "./wallet-operations";

type Wallet = ResultOf<typeof WalletQuery>["wallet"];

/** The settings as text, for members who may read the wallet but not change it. */
export function WalletSettingsSummary({ wallet }: { wallet: Wallet }) {
  return (
    <div className="p-4 text-sm text-zinc-700">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="text-zinc-500">Low-balance threshold</dt>
        <dd>
          {wallet.lowBalanceThreshold === null
            ? "None"
            : `${formatTokens(wallet.lowBalanceThreshold)} tokens`}
        </dd>
        <dt className="text-zinc-500">Auto-recharge</dt>
        <dd>{wallet.autoRechargeEnabled ? "On" : "Off"}</dd>
      </dl>
      <p className="mt-4 text-zinc-500">Only owners, admins and billing members can change these settings.</p>
    </div>
  );
}
