// /admin/health: is the database healthy, and if not, why. The report reloads every 30 seconds
// (and on Refresh); admin actions report success in the status region and reload it too.
"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConnectionsBreakdown, QueuesList, ReplicationSection } from "@/components/health/activity-sections";
import { CheckCards } from "@/components/health/check-cards";
import { formatClockTime } from "@/components/health/health-format";
import { IndexesList } from "@/components/health/indexes-list";
import { LiveQueries } from "@/components/health/live-queries";
import { StatusBanner } from "@/components/health/status-banner";
import {
  ForeignKeysSection,
  MaterializedViewsSection,
  PartitionsSection,
  SequencesSection,
} from "@/components/health/storage-sections";
import { TablesList } from "@/components/health/tables-list";
import { TopQueries } from "@/components/health/top-queries";
import { TrendCharts } from "@/components/health/trend-charts";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useViewerQuery, viewerQueryKey } from "@/lib/graphql/use-graphql";
import { DatabaseHealthQuery, HEALTH_QUERIES } from "./health-operations";

const REFRESH_MS = 30_000;

export function HealthView() {
  const queryClient = useQueryClient();
  const health = useViewerQuery(DatabaseHealthQuery, {}, { refetchInterval: REFRESH_MS });
  const [notice, setNotice] = useState<string | null>(null);
  const report = health.data?.databaseHealth;

  function refresh() {
    for (const name of HEALTH_QUERIES) void queryClient.invalidateQueries({ queryKey: viewerQueryKey(name) });
  }

  return (
    <>
      <PageHeader
        title="Database health"
        description="Checks against thresholds, trends of the last days, and what runs in the database now."
      >
        <div className="flex items-center gap-3 text-sm text-zinc-500">
          {report ? (
            <p>
              Last updated{" "}
              <time
                dateTime={report.generatedAt}
                title={new Date(report.generatedAt).toLocaleString("en-GB")}
              >
                {formatClockTime(new Date(report.generatedAt))}
              </time>
            </p>
          ) : null}
          <Button variant="secondary" onClick={refresh} disabled={health.isFetching}>
            {health.isFetching && !health.isPending ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      </PageHeader>
      <div role="status" aria-live="polite">
        {notice ? (
          <p className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">{notice}</p>
        ) : null}
      </div>
      {health.isPending ? (
        <LoadingState label="Measuring the database…" />
      ) : !report ? (
        <ErrorState error={health.error} onRetry={() => health.refetch()} />
      ) : (
        <>
          {health.isError ? (
            <p role="alert" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              {`Could not refresh (${health.error instanceof Error ? health.error.message : "unknown error"}); showing the report from ${formatClockTime(new Date(report.generatedAt))}.`}
            </p>
          ) : null}
          <StatusBanner report={report} />
          <CheckCards checks={report.checks} />
          <TrendCharts />
          <LiveQueries queries={report.liveQueries} blocked={report.blockedQueries} onNotice={setNotice} />
          <TopQueries stats={report.queryStats} onNotice={setNotice} />
          <TablesList tables={report.tables} onNotice={setNotice} />
          <IndexesList indexes={report.indexes} />
          <ConnectionsBreakdown connections={report.connections} />
          <QueuesList queues={report.queues} />
          <div className="grid items-start gap-x-6 lg:grid-cols-2">
            <ReplicationSection replication={report.replication} />
            <MaterializedViewsSection views={report.materializedViews} />
            <PartitionsSection partitions={report.partitions} />
            <SequencesSection sequences={report.sequences} />
          </div>
          <ForeignKeysSection foreignKeys={report.foreignKeysWithoutIndex} />
        </>
      )}
    </>
  );
}
