// The performance charts (recharts): finished instances per hour by outcome, average and p95
// duration, success rate. The charts are for sighted users; the visually hidden table carries the
// same numbers for screen readers.
"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "../workflow-model";
import type { HourPoint } from "./hourly-series";

const AXIS_TICK = { fontSize: 11, fill: "var(--color-zinc-500)" };
const CHART_STYLE = { width: "100%", height: 240 };
const MARGIN = { top: 8, right: 8, bottom: 0, left: 8 };

function ChartFigure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium text-zinc-800">{title}</figcaption>
      {children}
    </figure>
  );
}

export function FinishedChart({ points }: { points: HourPoint[] }) {
  const title = "Finished instances per hour";
  return (
    <ChartFigure title={title}>
      <BarChart responsive style={CHART_STYLE} data={points} margin={MARGIN} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-zinc-200)" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" />
        <YAxis tick={AXIS_TICK} allowDecimals={false} width={48} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="completed"
          name="Completed"
          stackId="outcome"
          fill="var(--color-emerald-500)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name="Failed"
          stackId="outcome"
          fill="var(--color-red-500)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="cancelled"
          name="Cancelled"
          stackId="outcome"
          fill="var(--color-zinc-400)"
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}

export function DurationChart({ points }: { points: HourPoint[] }) {
  const title = "Duration per hour: average and 95th percentile";
  return (
    <ChartFigure title={title}>
      <LineChart responsive style={CHART_STYLE} data={points} margin={MARGIN} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-zinc-200)" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" />
        <YAxis tick={AXIS_TICK} width={72} tickFormatter={(value: number) => formatDuration(value)} />
        <Tooltip formatter={(value) => formatDuration(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          type="monotone"
          dataKey="avgDurationMs"
          name="Average"
          stroke="var(--color-accent-600)"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="p95DurationMs"
          name="95th percentile"
          stroke="var(--color-amber-500)"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

export function SuccessRateChart({ points }: { points: HourPoint[] }) {
  const title = "Success rate per hour (completed of completed and failed)";
  return (
    <ChartFigure title={title}>
      <LineChart responsive style={CHART_STYLE} data={points} margin={MARGIN} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-zinc-200)" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" />
        <YAxis tick={AXIS_TICK} width={48} domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} />
        <Tooltip formatter={(value) => `${value}%`} />
        <Line
          type="monotone"
          dataKey="successRate"
          name="Success rate"
          stroke="var(--color-emerald-600)"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

export function StatsTable({ points }: { points: HourPoint[] }) {
  return (
    <table className="sr-only">
      <caption>Finished instances per hour</caption>
      <thead>
        <tr>
          <th scope="col">Hour</th>
          <th scope="col">Finished</th>
          <th scope="col">Completed</th>
          <th scope="col">Failed</th>
          <th scope="col">Cancelled</th>
          <th scope="col">Average duration</th>
          <th scope="col">95th percentile duration</th>
          <th scope="col">Success rate</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.hour}>
            <th scope="row">{point.label}</th>
            <td>{point.finished}</td>
            <td>{point.completed}</td>
            <td>{point.failed}</td>
            <td>{point.cancelled}</td>
            <td>{formatDuration(point.avgDurationMs)}</td>
            <td>{formatDuration(point.p95DurationMs)}</td>
            <td>{point.successRate === null ? "—" : `${point.successRate}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
