"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatTokens } from "@/components/ui/format";
import { downloadTextFile, type LedgerCsvEntry, ledgerCsv } from "@/lib/billing/ledger-csv";
import type { ResultOf } from "@/lib/graphql/graphql";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { type LedgerFilterValues, toTransactionFilter } from "./ledger-filters";
import { WalletTransactionsQuery } from "./wallet-operations";

const PAGE_SIZE = 100;
/** 50 pages of 100: a bounded download; larger exports belong to a server-side job. */
const MAX_PAGES = 50;

type ExportState = { kind: "idle" } | { kind: "working"; rows: number } | { kind: "done"; message: string };

/** Downloads the filtered ledger as CSV, fetching every page through the API in the browser. */
export function ExportLedgerButton({ filter }: { filter: LedgerFilterValues }) {
  const accountSlug = useAccountSlug();
  const [state, setState] = useState<ExportState>({ kind: "idle" });

  async function exportCsv() {
    setState({ kind: "working", rows: 0 });
    const entries: LedgerCsvEntry[] = [];
    let after: string | null = null;
    let truncated = false;
    try {
      for (let page = 0; ; page++) {
        if (page === MAX_PAGES) {
          truncated = true;
          break;
        }
        const { transactions }: ResultOf<typeof WalletTransactionsQuery> = await requestGraphQL(
          WalletTransactionsQuery,
          { first: PAGE_SIZE, after, filter: toTransactionFilter(filter) },
          { account: accountSlug },
        );
        entries.push(...transactions.nodes);
        setState({ kind: "working", rows: entries.length });
        if (!transactions.pageInfo.hasNextPage || !transactions.pageInfo.endCursor) break;
        after = transactions.pageInfo.endCursor;
      }
    } catch (error) {
      setState({
        kind: "done",
        message: `Export failed: ${error instanceof Error ? error.message : "the ledger could not be read."}`,
      });
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    downloadTextFile(`ledger-${accountSlug}-${today}.csv`, ledgerCsv(entries));
    setState({
      kind: "done",
      message: truncated
        ? `Exported the newest ${formatTokens(entries.length)} entries (the export limit). Narrow the dates for the rest.`
        : `Exported ${formatTokens(entries.length)} entries.`,
    });
  }

  const working = state.kind === "working";
  return (
    <div className="flex items-center gap-3">
      <p role="status" className="text-xs text-zinc-500">
        {working
          ? `Reading ${formatTokens(state.rows)} entries…`
          : state.kind === "done"
            ? state.message
            : ""}
      </p>
      <Button variant="secondary" size="sm" onClick={exportCsv} disabled={working}>
        {working ? "Exporting…" : "Export CSV"}
      </Button>
    </div>
  );
}
