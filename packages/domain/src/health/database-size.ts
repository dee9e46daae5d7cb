// The database's size, and how fast it grows: compared with the oldest sample of the last seven
// days. Samples are readable by platform admins only (row-level security): for anyone else, the
// worker included, no sample is visible and the growth is unknown.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatBytes } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import type { DatabaseSize, HealthCheck } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

/** A sample younger than this says too little about a day's growth. */
const MIN_GROWTH_SPAN_SECONDS = 3600;

export async function collectDatabaseSize(db: Executor, now: Date): Promise<DatabaseSize> {
  const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString();
  const [row] = await db.execute<{
    bytes: string;
    sample_bytes: string | null;
    span_seconds: number | null;
  }>(sql`
    select pg_database_size(current_database())::text as bytes,
           oldest.database_bytes::text as sample_bytes,
           extract(epoch from ${now.toISOString()}::timestamptz - oldest.sampled_at)::float8 as span_seconds
      from (select 1) as one
      left join lateral (
        select h.database_bytes, h.sampled_at from health_samples h
         where h.sampled_at >= ${since}::timestamptz
         order by h.sampled_at
         limit 1
      ) oldest on true`);
  const bytes = Number(row?.bytes ?? 0);
  const span = row?.span_seconds ?? null;
  const growthBytesPerDay =
    row?.sample_bytes != null && span !== null && span >= MIN_GROWTH_SPAN_SECONDS
      ? ((bytes - Number(row.sample_bytes)) / span) * 86_400
      : null;
  return { bytes, growthBytesPerDay };
}

/** database_size. */
export function databaseSizeCheck(size: DatabaseSize, t: HealthThresholds): HealthCheck {
  const growth =
    size.growthBytesPerDay === null
      ? ""
      : size.growthBytesPerDay >= 0
        ? `, growing ${formatBytes(size.growthBytesPerDay)} a day`
        : `, shrinking ${formatBytes(-size.growthBytesPerDay)} a day`;
  return makeCheck({
    key: "database_size",
    label: "Database size",
    value: size.bytes,
    unit: "bytes",
    direction: "above",
    threshold: t.databaseBytes,
    message: `The database takes ${formatBytes(size.bytes)}${growth}.`,
  });
}
