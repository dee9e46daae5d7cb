// The statements of this database that took the most time (pg_stat_statements), with EXPLAIN for
// each and a reset of the statistics, e.g. after an index went in, to measure afresh.
"use client";

import { useState } from "react";
import {
  type HealthReport,
  ResetQueryStatsMutation,
  type TopQuery,
} from "@/app/admin/health/health-operations";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useViewerMutation } from "@/lib/graphql/use-graphql";
import { ActionError } from "./action-error";
import { ExplainDialog } from "./explain-dialog";
import { formatCount, formatMs, formatRatio } from "./health-format";
import { QueryText } from "./query-text";
import { ShowAll } from "./show-all";
import { type Notify, useHealthAction } from "./use-health-action";

const TOP_SHOWN = 10;

export function TopQueries({ stats, onNotice }: { stats: HealthReport["queryStats"]; onNotice: Notify }) {
  const reset = useViewerMutation(ResetQueryStatsMutation);
  const action = useHealthAction(onNotice);
  const [explaining, setExplaining] = useState<TopQuery | null>(null);
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? stats.top : stats.top.slice(0, TOP_SHOWN);

  const resetButton = stats.available ? (
    <div className="text-right">
      <ConfirmButton
        label="Reset statistics"
        title="Reset the statement statistics?"
        description="The counts and times of every statement of this database start again from zero. Use it to measure afresh, e.g. after adding an index."
        confirmLabel="Reset statistics"
        onConfirm={() =>
          action.run(
            "reset",
            async () => (await reset.mutateAsync({})).resetQueryStats,
            "Statement statistics were reset.",
            "Could not reset the statistics.",
          )
        }
      />
      <ActionError message={action.errorFor("reset")} />
    </div>
  ) : null;

  return (
    <Panel title="Top queries" actions={resetButton}>
      {!stats.available ? (
        <EmptyState title="Statement statistics are not available">
          The pg_stat_statements extension is not installed (or not preloaded) on this server.
        </EmptyState>
      ) : stats.top.length === 0 ? (
        <EmptyState title="No statements recorded yet">
          Statements appear once they have run since the statistics were last reset.
        </EmptyState>
      ) : (
        <>
          <p className="border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">
            {`By total execution time since ${stats.resetAt ? formatDateTime(stats.resetAt) : "the server started"}.`}
          </p>
          <DataTable caption="Top queries by total time">
            <thead>
              <tr>
                <Th>Query</Th>
                <Th className="text-right">Calls</Th>
                <Th className="text-right">Total</Th>
                <Th className="text-right">Mean</Th>
                <Th className="text-right">Rows</Th>
                <Th className="text-right">Share</Th>
                <Th className="relative">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {shown.map((query, index) => (
                <tr key={query.queryId}>
                  <Td>
                    <QueryText query={query.query} />
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatCount(query.calls)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatMs(query.totalMs)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatMs(query.meanMs)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatCount(query.rows)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatRatio(query.share)}</Td>
                  <Td className="text-right">
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Explain query ${index + 1}`}
                      onClick={() => setExplaining(query)}
                    >
                      Explain
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <ShowAll
            shown={shown.length}
            total={stats.top.length}
            expanded={expanded}
            onToggle={() => setExpanded((value) => !value)}
            noun="statements"
          />
        </>
      )}
      <ExplainDialog query={explaining} onClose={() => setExplaining(null)} />
    </Panel>
  );
}
