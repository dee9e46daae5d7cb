"use client";

import type { Route } from "next";
import Link from "next/link";
import { useState } from "react";
import { BillingOnly } from "@/components/console/billing-only";
import { useConsole } from "@/components/console/console-context";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { canManageBilling } from "@/lib/billing/permissions";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { BalanceCard } from "./balance-card";
import { BuyTokensButton } from "./buy-tokens-dialog";
import { type CheckoutOutcome, CheckoutReturnNotice } from "./checkout-return-notice";
import { ExportLedgerButton } from "./export-ledger-button";
import { LedgerFilters, type LedgerFilterValues, NO_LEDGER_FILTER } from "./ledger-filters";
import { LedgerTable } from "./ledger-table";
import { OpenInvoicesNotice } from "./open-invoices-notice";
import { RedeemPromoCodeForm } from "./redeem-promo-code-form";
import { SpendChart } from "./spend-chart";
import { WalletQuery } from "./wallet-operations";
import { WalletSettingsForm } from "./wallet-settings-form";
import { WalletSettingsSummary } from "./wallet-settings-summary";

export function WalletView({ checkout }: { checkout: CheckoutOutcome | null }) {
  const { account } = useConsole();
  const canBill = canManageBilling(account?.viewerRole);
  const wallet = useAccountQuery(WalletQuery, {});
  const [filter, setFilter] = useState<LedgerFilterValues>(NO_LEDGER_FILTER);
  // Remounting the settings form loads the wallet's current settings and version into it.
  const [settingsLoad, setSettingsLoad] = useState(0);

  async function reloadSettings() {
    await wallet.refetch();
    setSettingsLoad((n) => n + 1);
  }

  return (
    <>
      <PageHeader
        title="Wallet"
        description="Prepaid tokens that metered services spend, and every movement of them."
      >
        {canBill ? (
          <div className="flex items-center gap-3">
            <Link href={`/${account?.slug ?? ""}/invoices` as Route} className={buttonClasses("secondary")}>
              Invoices
            </Link>
            <BuyTokensButton />
          </div>
        ) : null}
      </PageHeader>
      {checkout ? <CheckoutReturnNotice outcome={checkout} /> : null}
      {wallet.isPending ? (
        <LoadingState label="Loading wallet…" />
      ) : wallet.isError ? (
        <ErrorState error={wallet.error} onRetry={() => wallet.refetch()} />
      ) : (
        <BalanceCard wallet={wallet.data.wallet} />
      )}
      {canBill ? <OpenInvoicesNotice /> : null}
      <Panel title="Spending, last 30 days">
        <SpendChart />
      </Panel>
      <Panel title="Ledger" actions={<ExportLedgerButton filter={filter} />}>
        <LedgerFilters onApply={setFilter} />
        <LedgerTable filter={filter} />
      </Panel>
      <div className="grid gap-x-6 lg:grid-cols-2">
        <Panel title="Redeem a promo code">
          <BillingOnly what="redeem promo codes">
            <RedeemPromoCodeForm />
          </BillingOnly>
        </Panel>
        <Panel title="Settings">
          {!wallet.data ? (
            wallet.isError ? null : (
              <LoadingState />
            )
          ) : canBill ? (
            <WalletSettingsForm key={settingsLoad} wallet={wallet.data.wallet} onReload={reloadSettings} />
          ) : (
            <WalletSettingsSummary wallet={wallet.data.wallet} />
          )}
        </Panel>
      </div>
    </>
  );
}
