"use client";

import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput } from "@/components/ui/form-field";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { WorkflowsTabs } from "@/components/workflows/workflows-tabs";
import { useAccountMutation, useAccountQuery } from "@/lib/graphql/use-graphql";
import { canWriteWorkflows } from "../workflow-model";
import { WorkflowDefinitionOptionsQuery } from "../workflow-operations";
import { hourlySeries } from "./hourly-series";
import { DurationChart, FinishedChart, StatsTable, SuccessRateChart } from "./performance-charts";
import { RefreshWorkflowStatsMutation, WorkflowStatsQuery } from "./performance-operations";

const RANGES = [
  { value: "1", label: "Last 24 hours" },
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
] as const;
type Range = (typeof RANGES)[number]["value"];

const COUNT = new Intl.NumberFormat("en-GB");

/** The start of the range, to the hour: fixed per choice, so the query key stays put between renders. */
function rangeStart(days: Range): string {
  const start = new Date(Date.now() - Number(days) * 86_400_000);
  start.setMinutes(0, 0, 0);
  return start.toISOString();
}

/** Hourly numbers of finished instances: how many, how long they took, how many succeeded. */
export function PerformanceView() {
  const { account } = useConsole();
  const [definitionId, setDefinitionId] = useState("");
  const [range, setRange] = useState<Range>("7");
  const [from, setFrom] = useState(() => rangeStart("7"));
  const [message, setMessage] = useState<string | null>(null);
  const options = useAccountQuery(WorkflowDefinitionOptionsQuery, {});
  const stats = useAccountQuery(WorkflowStatsQuery, { filter: { definitionId: definitionId || null, from } });
  const refreshStats = useAccountMutation(RefreshWorkflowStatsMutation);
  // Refreshing the materialized view is a write (workflows:write); readers see the hourly refresh.
  const canRefresh = canWriteWorkflows(account?.viewerRole);

  async function refresh() {
    setMessage(null);
    try {
      const { refreshWorkflowStats: payload } = await refreshStats.mutateAsync({});
      if (payload.userErrors[0]) setMessage(payload.userErrors[0].message);
      else setMessage("Refreshed: the numbers include instances finished until now.");
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : "Could not refresh the numbers.");
    }
    // A new range start also moves the query on to include the current hour.
    setFrom(rangeStart(range));
    await stats.refetch();
  }

  const points = hourlySeries(stats.data?.workflowStats ?? []);
  const totals = points.reduce(
    (sum, point) => ({
      finished: sum.finished + point.finished,
      completed: sum.completed + point.completed,
      failed: sum.failed + point.failed,
      cancelled: sum.cancelled + point.cancelled,
    }),
    { finished: 0, completed: 0, failed: 0, cancelled: 0 },
  );

  return (
    <>
      <PageHeader
        title="Workflow performance"
        description="Finished instances per hour, their durations and success rate (refreshed hourly)."
      >
        {canRefresh ? (
          <Button onClick={refresh} disabled={refreshStats.isPending}>
            {refreshStats.isPending ? "Refreshing…" : "Refresh now"}
          </Button>
        ) : null}
      </PageHeader>
      <WorkflowsTabs />
      {message ? (
        <p role="status" className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-700">
          {message}
        </p>
      ) : null}
      <Panel>
        <search
          aria-label="Choose the numbers"
          className="grid gap-4 border-b border-zinc-200 p-4 sm:grid-cols-2"
        >
          <FormField id="performance-workflow" label="Workflow">
            <SelectInput
              id="performance-workflow"
              value={definitionId}
              onChange={(event) => setDefinitionId(event.target.value)}
            >
              <option value="">All workflows</option>
              {(options.data?.workflowDefinitions.nodes ?? []).map((definition) => (
                <option key={definition.id} value={definition.id}>
                  {definition.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField id="performance-range" label="Period">
            <SelectInput
              id="performance-range"
              value={range}
              onChange={(event) => {
                const next = event.target.value as Range;
                setRange(next);
                setFrom(rangeStart(next));
              }}
            >
              {RANGES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </search>
        {stats.isPending ? (
          <LoadingState label="Loading the numbers…" />
        ) : stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
        ) : points.length === 0 ? (
          <EmptyState title="No finished instances in this period">
            Numbers appear once instances finish and the hourly refresh has run
            {canRefresh ? " (or press Refresh now)" : ""}.
          </EmptyState>
        ) : (
          <div className="space-y-8 p-4">
            <p className="text-sm text-zinc-600" data-testid="performance-summary">
              {COUNT.format(totals.finished)} finished: {COUNT.format(totals.completed)} completed,{" "}
              {COUNT.format(totals.failed)} failed, {COUNT.format(totals.cancelled)} cancelled.
            </p>
            <FinishedChart points={points} />
            <DurationChart points={points} />
            <SuccessRateChart points={points} />
            <StatsTable points={points} />
          </div>
        )}
      </Panel>
    </>
  );
}
