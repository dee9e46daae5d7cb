// The trend charts' data: the samples of the last hours, averaged into at most 360 buckets in one
// statement (a week of minutes is 10,080 rows; the charts need a few hundred points).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { toDate, toNumber } from "./pg-values.ts";
import type { CheckStatus, HealthSample, OverallStatus } from "./report.ts";

const MAX_POINTS = 360;

export const ListHealthSamplesInput = z.object({
  hours: z
    .number()
    .int("Hours must be a whole number.")
    .min(1, "Ask for at least 1 hour.")
    .max(168, "Samples are kept 7 days: ask for at most 168 hours."),
});

interface BucketRow {
  sampled_at: string;
  status: OverallStatus;
  round_trip_ms: number;
  connections_total: number;
  connections_active: number;
  connections_idle_in_transaction: number;
  max_connections: number;
  database_bytes: number;
  table_cache_hit_ratio: number | null;
  index_cache_hit_ratio: number | null;
  queue_depth: number;
  failed_jobs: number;
  longest_query_seconds: number | null;
  blocked_queries: number;
  transaction_id_age: string;
  checks: Record<string, CheckStatus> | null;
}

/** Platform admins only: the last `hours` (1–168) of samples, oldest first, at most 360 points
 * (averaged per bucket when there are more; a bucket's status and checks are its worst). */
export async function listHealthSamples(
  platform: PlatformContext,
  input: { hours: number },
): Promise<HealthSample[]> {
  await requirePlatformAdmin(platform.tx);
  const { hours } = parseInput(ListHealthSamplesInput, input);
  // Buckets start at the window's start, so the window holds exactly MAX_POINTS of them.
  const bucketSeconds = (hours * 3600) / MAX_POINTS;
  const rows = await platform.tx.execute<BucketRow>(sql`
    with span as (
      select clock_timestamp() - make_interval(hours => ${hours}) as start,
             make_interval(secs => ${bucketSeconds}) as width
    ),
    samples as (
      select date_bin(w.width, h.sampled_at, w.start) as bucket, h.*
        from health_samples h, span w
       where h.sampled_at >= w.start and h.sampled_at < w.start + w.width * ${MAX_POINTS}::int
    ),
    figures as (
      select bucket,
             (array['healthy', 'degraded', 'unhealthy'])[
               max(array_position(array['healthy', 'degraded', 'unhealthy'], status))] as status,
             avg(round_trip_ms)::float8 as round_trip_ms,
             avg(connections_total)::float8 as connections_total,
             avg(connections_active)::float8 as connections_active,
             avg(connections_idle_in_transaction)::float8 as connections_idle_in_transaction,
             max(max_connections) as max_connections,
             avg(database_bytes)::float8 as database_bytes,
             avg(table_cache_hit_ratio)::float8 as table_cache_hit_ratio,
             avg(index_cache_hit_ratio)::float8 as index_cache_hit_ratio,
             avg(queue_depth)::float8 as queue_depth,
             avg(failed_jobs)::float8 as failed_jobs,
             -- The longest query of the bucket, not an average of longest ones.
             max(longest_query_seconds) as longest_query_seconds,
             avg(blocked_queries)::float8 as blocked_queries,
             max(transaction_id_age)::text as transaction_id_age
        from samples
       group by bucket
    ),
    worst_checks as (
      select bucket, jsonb_object_agg(key, status) as checks
        from (select s.bucket, c.key,
                     (array['skip', 'pass', 'warn', 'fail'])[
                       max(array_position(array['skip', 'pass', 'warn', 'fail'], c.value))] as status
                from samples s cross join lateral jsonb_each_text(s.checks) c
               group by s.bucket, c.key) per_key
       where status is not null
       group by bucket
    )
    select f.bucket as sampled_at, f.*, w.checks
      from figures f
      left join worst_checks w using (bucket)
     order by f.bucket`);
  return rows.map((r) => ({
    sampledAt: toDate(r.sampled_at),
    status: r.status,
    roundTripMs: r.round_trip_ms,
    connectionsTotal: r.connections_total,
    connectionsActive: r.connections_active,
    connectionsIdleInTransaction: r.connections_idle_in_transaction,
    maxConnections: r.max_connections,
    databaseBytes: r.database_bytes,
    tableCacheHitRatio: r.table_cache_hit_ratio,
    indexCacheHitRatio: r.index_cache_hit_ratio,
    queueDepth: r.queue_depth,
    failedJobs: r.failed_jobs,
    longestQuerySeconds: r.longest_query_seconds,
    blockedQueries: r.blocked_queries,
    transactionIdAge: toNumber(r.transaction_id_age),
    checks: r.checks ?? {},
  }));
}
