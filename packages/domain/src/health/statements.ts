// The statements of this database by total execution time (pg_stat_statements). The extension may
// be missing, live in any schema (managed services use "extensions"), or be created but not
// preloaded: then the report says so instead of failing.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatMs, plural } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import { toDate, toNumber } from "./pg-values.ts";
import type { HealthCheck, QueryStats } from "./report.ts";
import { sqlState } from "./sql-state.ts";
import { findStatStatements } from "./stat-statements.ts";
import type { HealthThresholds } from "./thresholds.ts";

const TOP_STATEMENTS = 50;
const QUERY_TEXT_LIMIT = 2000;

export interface StatementsMeasure {
  stats: QueryStats;
  /** Statements with mean time over slowQueryMeanMs after at least slowQueryMinCalls calls. */
  slowCount: number;
}

interface StatementRow {
  reset_at: string | null;
  slow: number;
  query_id: string | null;
  query: string | null;
  calls: string | null;
  total_ms: number | null;
  mean_ms: number | null;
  rows: string | null;
  share: number | null;
  cache_hit_ratio: number | null;
}

const unavailable: StatementsMeasure = { stats: { available: false, resetAt: null, top: [] }, slowCount: 0 };

export async function collectStatements(db: Executor, t: HealthThresholds): Promise<StatementsMeasure> {
  const extension = await findStatStatements(db);
  if (!extension) return unavailable;
  const { schema } = extension;
  // pg_stat_statements_info.stats_reset moves only when every statement is reset; resetting one
  // database's (app.health_reset_query_stats) does not. From PostgreSQL 17 each entry says since
  // when it counts, so the newest of the two tells this database's reset.
  const resetAt =
    extension.serverVersion >= 170000
      ? sql`greatest((select i.stats_reset from ${schema}.pg_stat_statements_info i),
                     (select min(s.stats_since) from mine s))`
      : sql`(select i.stats_reset from ${schema}.pg_stat_statements_info i)`;
  const query = sql`
    with mine as (
      select s.* from ${schema}.pg_stat_statements s
       where s.dbid = (select d.oid from pg_database d where d.datname = current_database())
         and s.queryid is not null
    ),
    totals as (
      select coalesce(sum(total_exec_time), 0)::float8 as total_ms,
             (count(*) filter (where mean_exec_time > ${t.slowQueryMeanMs}::float8
                                 and calls >= ${t.slowQueryMinCalls}::float8))::int as slow
        from mine
    )
    select ${resetAt} as reset_at,
           totals.slow,
           top.queryid::text as query_id,
           left(top.query, ${QUERY_TEXT_LIMIT}) as query,
           top.calls::text as calls,
           top.total_exec_time::float8 as total_ms,
           top.mean_exec_time::float8 as mean_ms,
           top.rows::text as rows,
           (top.total_exec_time / nullif(totals.total_ms, 0))::float8 as share,
           (top.shared_blks_hit::float8 / nullif(top.shared_blks_hit + top.shared_blks_read, 0))::float8
             as cache_hit_ratio
      from totals
      left join lateral (select * from mine order by total_exec_time desc limit ${TOP_STATEMENTS}) top on true
     order by top.total_exec_time desc nulls last`;
  let rows: StatementRow[];
  try {
    // In a savepoint: reading the view fails when the library is not preloaded, and a failed
    // statement would otherwise abort the caller's transaction.
    rows = await db.transaction((tx) => tx.execute<StatementRow>(query));
  } catch (error) {
    // 55000 object_not_in_prerequisite_state: "must be loaded via shared_preload_libraries".
    if (sqlState(error) === "55000") return unavailable;
    throw error;
  }
  const first = rows[0];
  return {
    stats: {
      available: true,
      resetAt: toDate(first?.reset_at),
      top: rows
        .filter((r) => r.query_id !== null)
        .map((r) => ({
          queryId: r.query_id ?? "",
          query: r.query ?? "",
          calls: Number(r.calls),
          totalMs: r.total_ms ?? 0,
          meanMs: r.mean_ms ?? 0,
          rows: toNumber(r.rows) ?? 0,
          share: r.share ?? 0,
          cacheHitRatio: r.cache_hit_ratio,
        })),
    },
    slowCount: first?.slow ?? 0,
  };
}

/** slow_queries: warns (does not fail) when pg_stat_statements is unavailable. */
export function statementCheck(measure: StatementsMeasure, t: HealthThresholds): HealthCheck {
  const common = {
    key: "slow_queries",
    label: "Slow queries",
    unit: "count",
    direction: "above",
    threshold: t.slowQueries,
  } as const;
  if (!measure.stats.available) {
    return makeCheck({
      ...common,
      value: null,
      status: "warn",
      message:
        "pg_stat_statements is not available: add it to shared_preload_libraries, restart PostgreSQL and run CREATE EXTENSION pg_stat_statements.",
    });
  }
  const slow = measure.slowCount;
  return makeCheck({
    ...common,
    value: slow,
    message:
      slow === 0
        ? `No statement averages over ${formatMs(t.slowQueryMeanMs)} (after ${plural(t.slowQueryMinCalls, "call")}).`
        : `${plural(slow, "statement")} average over ${formatMs(t.slowQueryMeanMs)} (after at least ${plural(t.slowQueryMinCalls, "call")}).`,
  });
}
