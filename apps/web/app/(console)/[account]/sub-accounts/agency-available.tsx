"use client";

import { useConsole } from "@/components/console/console-context";
import { formatTokens } from "@/components/ui/format";
import { canFundSubAccounts } from "@/lib/billing/permissions";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { AgencyWalletQuery } from "./sub-accounts-operations";

/** What the agency can hand out now (its wallet's available balance), for those who may transfer. */
export function AgencyAvailable() {
  const { account } = useConsole();
  const canFund = canFundSubAccounts(account?.viewerRole);
  const wallet = useAccountQuery(AgencyWalletQuery, {}, { enabled: canFund });
  if (!canFund || !wallet.data) return null;
  return (
    <p className="text-xs text-zinc-600">
      Agency wallet:{" "}
      <span className="font-semibold text-zinc-900 tabular-nums">
        {formatTokens(wallet.data.wallet.available)} tokens
      </span>{" "}
      available to transfer
    </p>
  );
}
