// How often tables and indexes were read from shared buffers rather than from disk, since the
// statistics were reset. Right after a restart or a reset every read misses: the checks judge the
// ratio only once cacheHitMinBlocks blocks were read.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatPercent, plural } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import type { HealthCheck, HealthCheckKey } from "./report.ts";
import type { HealthThresholds, Threshold } from "./thresholds.ts";

export interface BlockReads {
  hit: number;
  read: number;
}

export interface CacheHitMeasure {
  tables: BlockReads;
  indexes: BlockReads;
}

export async function collectCacheHit(db: Executor): Promise<CacheHitMeasure> {
  const [row] = await db.execute<{
    table_hit: string;
    table_read: string;
    index_hit: string;
    index_read: string;
  }>(sql`
    select (select coalesce(sum(heap_blks_hit), 0) from pg_statio_user_tables)::text as table_hit,
           (select coalesce(sum(heap_blks_read), 0) from pg_statio_user_tables)::text as table_read,
           (select coalesce(sum(idx_blks_hit), 0) from pg_statio_user_indexes)::text as index_hit,
           (select coalesce(sum(idx_blks_read), 0) from pg_statio_user_indexes)::text as index_read`);
  return {
    tables: { hit: Number(row?.table_hit ?? 0), read: Number(row?.table_read ?? 0) },
    indexes: { hit: Number(row?.index_hit ?? 0), read: Number(row?.index_read ?? 0) },
  };
}

/** hit / (hit + read); null: nothing read yet. */
export function hitRatio(reads: BlockReads): number | null {
  const total = reads.hit + reads.read;
  return total > 0 ? reads.hit / total : null;
}

function cacheHitCheck(
  key: HealthCheckKey,
  label: string,
  what: string,
  reads: BlockReads,
  threshold: Threshold,
  minBlocks: number,
): HealthCheck {
  const ratio = hitRatio(reads);
  const blocks = reads.hit + reads.read;
  const common = { key, label, value: ratio, unit: "ratio", direction: "below", threshold } as const;
  if (ratio === null || blocks < minBlocks) {
    return makeCheck({
      ...common,
      status: "pass",
      message: `Not enough reads yet to judge (${plural(blocks, "block")} of ${what} read, ${minBlocks.toLocaleString("en")} needed).`,
    });
  }
  return makeCheck({
    ...common,
    message: `${formatPercent(ratio)} of ${what} blocks read came from memory (${plural(reads.read, "block")} from disk).`,
  });
}

/** table_cache_hit, index_cache_hit. */
export function cacheHitChecks(measure: CacheHitMeasure, t: HealthThresholds): HealthCheck[] {
  return [
    cacheHitCheck(
      "table_cache_hit",
      "Table cache hit ratio",
      "table",
      measure.tables,
      t.tableCacheHit,
      t.cacheHitMinBlocks,
    ),
    cacheHitCheck(
      "index_cache_hit",
      "Index cache hit ratio",
      "index",
      measure.indexes,
      t.indexCacheHit,
      t.cacheHitMinBlocks,
    ),
  ];
}
