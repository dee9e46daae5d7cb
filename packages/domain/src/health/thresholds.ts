// When a check warns and when it fails. Defaults follow PgHero's and the PostgreSQL manual's
// advice; an installation overrides any of them with DATABASE_HEALTH_THRESHOLDS (JSON, merged
// over these), e.g. {"connectionUse":{"warn":0.6,"fail":0.8}}.
import { z } from "zod";

export interface Threshold {
  warn: number;
  fail: number;
}

export interface HealthThresholds {
  /** Round trip of `select 1`, ms (above is worse). */
  roundTripMs: Threshold;
  /** Connections in use / usable connections, 0–1. */
  connectionUse: Threshold;
  /** Longest idle-in-transaction session, seconds. */
  idleInTransactionSeconds: Threshold;
  /** Database size, bytes. */
  databaseBytes: Threshold;
  /** Longest running query, seconds. */
  longRunningQuerySeconds: Threshold;
  /** Sessions waiting on another's lock, count. */
  blockedQueries: Threshold;
  /** Statements whose mean time exceeds slowQueryMeanMs over at least slowQueryMinCalls calls, count. */
  slowQueries: Threshold;
  slowQueryMeanMs: number;
  slowQueryMinCalls: number;
  /** Worst dead / (live + dead) among tables with at least deadTuplesMin dead rows, 0–1. */
  deadTupleRatio: Threshold;
  deadTuplesMin: number;
  /** Cache hit ratios, 0–1 (below is worse); ignored until cacheHitMinBlocks blocks were read. */
  tableCacheHit: Threshold;
  indexCacheHit: Threshold;
  cacheHitMinBlocks: number;
  /** Unused indexes of at least unusedIndexMinBytes, count. */
  unusedIndexes: Threshold;
  unusedIndexMinBytes: number;
  duplicateIndexes: Threshold;
  invalidIndexes: Threshold;
  /** Foreign keys without an index on tables of at least foreignKeyTableMinRows rows, count. */
  foreignKeysWithoutIndex: Threshold;
  foreignKeyTableMinRows: number;
  /** age(datfrozenxid) / 2^31, 0–1: autovacuum must freeze before 1. */
  transactionIdWraparound: Threshold;
  /** Months (this one and the next three) without a partition, count. */
  missingPartitions: Threshold;
  /** Oldest materialized view refresh, seconds. */
  materializedViewAgeSeconds: Threshold;
  /** Replica behind the primary, seconds. */
  replicationLagSeconds: Threshold;
  /** Jobs ready and waiting over every queue, count. */
  queueDepth: Threshold;
  /** Oldest job ready and waiting, seconds (the worse of depth and age decides the check). */
  queueOldestWaitingSeconds: Threshold;
  /** Jobs failed for good in the last 24 hours, count. */
  failedJobs: Threshold;
  /** The fullest sequence's last value / its maximum, 0–1. */
  sequenceUse: Threshold;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  roundTripMs: { warn: 100, fail: 1_000 },
  connectionUse: { warn: 0.7, fail: 0.9 },
  idleInTransactionSeconds: { warn: 60, fail: 600 },
  databaseBytes: { warn: 50 * 1024 ** 3, fail: 200 * 1024 ** 3 },
  longRunningQuerySeconds: { warn: 60, fail: 600 },
  blockedQueries: { warn: 1, fail: 10 },
  slowQueries: { warn: 1, fail: 10 },
  slowQueryMeanMs: 100,
  slowQueryMinCalls: 100,
  deadTupleRatio: { warn: 0.2, fail: 0.5 },
  deadTuplesMin: 1_000,
  tableCacheHit: { warn: 0.99, fail: 0.95 },
  indexCacheHit: { warn: 0.99, fail: 0.95 },
  cacheHitMinBlocks: 100_000,
  unusedIndexes: { warn: 1, fail: 20 },
  unusedIndexMinBytes: 1024 * 1024,
  duplicateIndexes: { warn: 1, fail: 10 },
  invalidIndexes: { warn: 1, fail: 1 },
  foreignKeysWithoutIndex: { warn: 1, fail: 10 },
  foreignKeyTableMinRows: 10_000,
  transactionIdWraparound: { warn: 0.5, fail: 0.75 },
  missingPartitions: { warn: 1, fail: 4 },
  materializedViewAgeSeconds: { warn: 2 * 3600, fail: 6 * 3600 },
  replicationLagSeconds: { warn: 30, fail: 300 },
  queueDepth: { warn: 1_000, fail: 10_000 },
  queueOldestWaitingSeconds: { warn: 300, fail: 1_800 },
  failedJobs: { warn: 1, fail: 100 },
  sequenceUse: { warn: 0.75, fail: 0.9 },
};

const threshold = z.object({ warn: z.number(), fail: z.number() }).strict();

const overrides = z
  .object(
    Object.fromEntries(
      Object.entries(DEFAULT_HEALTH_THRESHOLDS).map(([key, value]) => [
        key,
        (typeof value === "number" ? z.number().nonnegative() : threshold).optional(),
      ]),
    ),
  )
  .strict();

/** DEFAULT_HEALTH_THRESHOLDS with the overrides in `json` (DATABASE_HEALTH_THRESHOLDS); throws a
 * readable error naming the bad key. */
export function parseHealthThresholds(json: string | undefined): HealthThresholds {
  if (!json?.trim()) return DEFAULT_HEALTH_THRESHOLDS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(
      'DATABASE_HEALTH_THRESHOLDS must be JSON, e.g. {"connectionUse":{"warn":0.6,"fail":0.8}}.',
    );
  }
  const parsed = overrides.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`DATABASE_HEALTH_THRESHOLDS: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return { ...DEFAULT_HEALTH_THRESHOLDS, ...(parsed.data as Partial<HealthThresholds>) };
}
