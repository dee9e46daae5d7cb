// The stats rows (one per hour and definition version) summed into one point per hour for the
// charts. Averages are weighted by the instances finished; the p95 of several versions is the
// highest of theirs (an upper bound: percentiles do not add up).
import type { ResultOf } from "@/lib/graphql/graphql";
import type { WorkflowStatsQuery } from "./performance-operations";

export type StatsRow = ResultOf<typeof WorkflowStatsQuery>["workflowStats"][number];

export type HourPoint = {
  hour: string;
  label: string;
  finished: number;
  completed: number;
  failed: number;
  cancelled: number;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
  /** Percent, 0–100; null when nothing completed or failed. */
  successRate: number | null;
};

const HOUR_LABEL = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

export function hourlySeries(rows: readonly StatsRow[]): HourPoint[] {
  const byHour = new Map<string, { point: HourPoint; weightedMs: number; timed: number }>();
  for (const row of rows) {
    let entry = byHour.get(row.hour);
    if (!entry) {
      entry = {
        point: {
          hour: row.hour,
          label: HOUR_LABEL.format(new Date(row.hour)),
          finished: 0,
          completed: 0,
          failed: 0,
          cancelled: 0,
          avgDurationMs: null,
          p95DurationMs: null,
          successRate: null,
        },
        weightedMs: 0,
        timed: 0,
      };
      byHour.set(row.hour, entry);
    }
    const { point } = entry;
    point.finished += row.finished;
    point.completed += row.completed;
    point.failed += row.failed;
    point.cancelled += row.cancelled;
    if (row.avgDurationMs !== null) {
      entry.weightedMs += row.avgDurationMs * row.finished;
      entry.timed += row.finished;
    }
    if (row.p95DurationMs !== null)
      point.p95DurationMs = Math.max(point.p95DurationMs ?? 0, row.p95DurationMs);
  }
  return [...byHour.values()]
    .map(({ point, weightedMs, timed }) => {
      const decided = point.completed + point.failed;
      return {
        ...point,
        avgDurationMs: timed > 0 ? Math.round(weightedMs / timed) : null,
        successRate: decided > 0 ? Math.round((point.completed / decided) * 1000) / 10 : null,
      };
    })
    .sort((a, b) => a.hour.localeCompare(b.hour));
}
