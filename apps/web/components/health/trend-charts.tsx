// Trends from the minute samples (health_samples): connections against the maximum, database size,
// cache hit ratios, queue depth. Charts are for sighted readers; each has a one-line summary of
// the same numbers for screen readers.
"use client";

import { type ReactNode, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { DatabaseHealthHistoryQuery, type HealthSample } from "@/app/admin/health/health-operations";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useViewerQuery } from "@/lib/graphql/use-graphql";
import { formatBytes, formatCount, formatRatio, sampleTimeLabel } from "./health-format";

const RANGES = [
  { hours: 1, label: "1 h" },
  { hours: 24, label: "24 h" },
  { hours: 168, label: "7 d" },
] as const;

const AXIS_TICK = { fontSize: 11, fill: "var(--color-zinc-500)" };
const CHART_STYLE = { width: "100%", height: 200 };
const MARGIN = { top: 8, right: 8, bottom: 0, left: 8 };
const REFRESH_MS = 30_000;

type Point = ReturnType<typeof toPoint>;

function toPoint(sample: HealthSample, hours: number) {
  return {
    label: sampleTimeLabel(sample.sampledAt, hours),
    total: sample.connectionsTotal,
    active: sample.connectionsActive,
    max: sample.maxConnections,
    bytes: sample.databaseBytes,
    tableHit: sample.tableCacheHitRatio === null ? null : sample.tableCacheHitRatio * 100,
    indexHit: sample.indexCacheHitRatio === null ? null : sample.indexCacheHitRatio * 100,
    queueDepth: sample.queueDepth,
    failedJobs: sample.failedJobs,
  };
}

function ChartFigure({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium text-zinc-800">{title}</figcaption>
      {children}
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

function range(points: Point[], pick: (point: Point) => number | null, format: (n: number) => string) {
  const values = points.map(pick).filter((value): value is number => value !== null);
  if (values.length === 0) return "no data";
  const latest = values[values.length - 1] ?? 0;
  return `latest ${format(latest)}, lowest ${format(Math.min(...values))}, highest ${format(Math.max(...values))}`;
}

const percent = (value: number) => formatRatio(value / 100);

function Chart({
  points,
  title,
  summary,
  lines,
  tickFormatter,
  domain,
}: {
  points: Point[];
  title: string;
  summary: string;
  lines: { key: keyof Point; name: string; color: string; dashed?: boolean }[];
  tickFormatter: (value: number) => string;
  domain?: [number, number | "auto"];
}) {
  return (
    <ChartFigure title={title} summary={summary}>
      <LineChart responsive style={CHART_STYLE} data={points} margin={MARGIN} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-zinc-200)" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={24} />
        <YAxis tick={AXIS_TICK} width={64} tickFormatter={tickFormatter} domain={domain ?? [0, "auto"]} />
        <Tooltip formatter={(value) => tickFormatter(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((line) => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            strokeDasharray={line.dashed ? "4 4" : undefined}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}

export function TrendCharts() {
  const [hours, setHours] = useState<number>(24);
  const history = useViewerQuery(DatabaseHealthHistoryQuery, { hours }, { refetchInterval: REFRESH_MS });
  const points = (history.data?.databaseHealthHistory ?? []).map((sample) => toPoint(sample, hours));

  const rangeChoice = (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">Period of the trends</legend>
      {RANGES.map((option) => (
        <label
          key={option.hours}
          className="relative cursor-pointer rounded-md px-2.5 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset has-checked:bg-zinc-900 has-checked:text-white has-checked:ring-zinc-900 has-focus-visible:outline-2 has-focus-visible:outline-accent-600"
        >
          <input
            type="radio"
            name="health-trend-range"
            value={option.hours}
            checked={hours === option.hours}
            onChange={() => setHours(option.hours)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );

  return (
    <Panel title="Trends" actions={rangeChoice}>
      {history.isPending ? (
        <LoadingState label="Loading the samples…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : points.length === 0 ? (
        <EmptyState title="No samples in this period yet">
          The worker records the headline figures every minute; the charts fill in as it does.
        </EmptyState>
      ) : (
        <div className="grid gap-8 p-4 lg:grid-cols-2">
          <Chart
            points={points}
            title="Connections"
            summary={`Connections in use: ${range(points, (p) => p.total, formatCount)}.`}
            tickFormatter={formatCount}
            lines={[
              { key: "total", name: "In use", color: "var(--color-accent-600)" },
              { key: "active", name: "Active", color: "var(--color-emerald-600)" },
              { key: "max", name: "Maximum", color: "var(--color-red-500)", dashed: true },
            ]}
          />
          <Chart
            points={points}
            title="Database size"
            summary={`Database size: ${range(points, (p) => p.bytes, formatBytes)}.`}
            tickFormatter={formatBytes}
            domain={[0, "auto"]}
            lines={[{ key: "bytes", name: "Size", color: "var(--color-accent-600)" }]}
          />
          <Chart
            points={points}
            title="Cache hit ratio"
            summary={`Table cache hits: ${range(points, (p) => p.tableHit, percent)}. Index cache hits: ${range(points, (p) => p.indexHit, percent)}.`}
            tickFormatter={percent}
            domain={[0, 100]}
            lines={[
              { key: "tableHit", name: "Tables", color: "var(--color-accent-600)" },
              { key: "indexHit", name: "Indexes", color: "var(--color-amber-500)" },
            ]}
          />
          <Chart
            points={points}
            title="Job queues"
            summary={`Jobs waiting: ${range(points, (p) => p.queueDepth, formatCount)}. Failed jobs: ${range(points, (p) => p.failedJobs, formatCount)}.`}
            tickFormatter={formatCount}
            lines={[
              { key: "queueDepth", name: "Waiting", color: "var(--color-accent-600)" },
              { key: "failedJobs", name: "Failed (24 h)", color: "var(--color-red-500)" },
            ]}
          />
        </div>
      )}
    </Panel>
  );
}
