// Table statistics of our schemas (public and pg-boss's): live and dead rows, when each was last
// vacuumed and analyzed, sizes, sequential against index scans; and the dead_tuples check.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatPercent } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import { exclusivelyLockedRelations, pageBytes } from "./locked-relations.ts";
import { toDate } from "./pg-values.ts";
import type { HealthCheck, TableStat } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

// Raw rows: drizzle leaves bigints and timestamps as text.
interface TableRow {
  schema: string;
  name: string;
  live_tuples: string;
  dead_tuples: string;
  last_vacuum: string | null;
  last_autovacuum: string | null;
  last_analyze: string | null;
  last_autoanalyze: string | null;
  total_bytes: string;
  table_bytes: string;
  index_bytes: string;
  seq_scans: string;
  index_scans: string;
  seq_tuples_read: string;
}

/** Every table of ours, partitions included; partitioned parents are left out (they hold no rows
 * of their own, their partitions are listed). Largest first. */
export async function collectTables(db: Executor): Promise<TableStat[]> {
  // A table under an exclusive lock (or with an index under one) gets its size from the catalog:
  // measuring it would wait for the lock.
  const rows = await db.execute<TableRow>(sql`
    with locked as (${exclusivelyLockedRelations}),
    stat as (
      select s.*, c.reltoastrelid,
             c.oid in (select relation from locked)
               or c.reltoastrelid in (select relation from locked)
               or exists (select 1 from pg_index x
                           where x.indrelid = c.oid and x.indexrelid in (select relation from locked)) as busy
        from pg_stat_user_tables s
        join pg_class c on c.oid = s.relid
       where s.schemaname in ('public', 'pgboss') and c.relkind <> 'p'
    ), sized as (
      select stat.*,
             case when busy
                  then (select coalesce(sum(r.relpages), 0) from pg_class r where r.oid in (relid, reltoastrelid))
                       * ${pageBytes}
                  else pg_table_size(relid) end as table_bytes,
             case when busy
                  then (select coalesce(sum(r.relpages), 0) from pg_index x join pg_class r on r.oid = x.indexrelid
                         where x.indrelid = relid) * ${pageBytes}
                  else pg_indexes_size(relid) end as index_bytes
        from stat
    )
    select schemaname as schema, relname as name,
           n_live_tup as live_tuples, n_dead_tup as dead_tuples,
           last_vacuum, last_autovacuum, last_analyze, last_autoanalyze,
           table_bytes + index_bytes as total_bytes, table_bytes, index_bytes,
           seq_scan as seq_scans, coalesce(idx_scan, 0) as index_scans, seq_tup_read as seq_tuples_read
      from sized
     order by total_bytes desc, schemaname, relname`);
  return rows.map((r) => {
    const liveTuples = Number(r.live_tuples);
    const deadTuples = Number(r.dead_tuples);
    return {
      schema: r.schema,
      name: r.name,
      liveTuples,
      deadTuples,
      deadRatio: liveTuples + deadTuples > 0 ? deadTuples / (liveTuples + deadTuples) : 0,
      lastVacuum: toDate(r.last_vacuum),
      lastAutovacuum: toDate(r.last_autovacuum),
      lastAnalyze: toDate(r.last_analyze),
      lastAutoanalyze: toDate(r.last_autoanalyze),
      totalBytes: Number(r.total_bytes),
      tableBytes: Number(r.table_bytes),
      indexBytes: Number(r.index_bytes),
      seqScans: Number(r.seq_scans),
      indexScans: Number(r.index_scans),
      seqTuplesRead: Number(r.seq_tuples_read),
    };
  });
}

/** dead_tuples: the worst dead ratio among tables with enough dead rows to matter (a small table
 * with a few dead rows is not worth a warning). */
export function tableChecks(tables: readonly TableStat[], t: HealthThresholds): HealthCheck[] {
  const worst = tables
    .filter((table) => table.deadTuples >= t.deadTuplesMin)
    .reduce<TableStat | null>((w, table) => (w && w.deadRatio >= table.deadRatio ? w : table), null);
  return [
    makeCheck({
      key: "dead_tuples",
      label: "Dead tuples",
      value: worst?.deadRatio ?? 0,
      unit: "ratio",
      direction: "above",
      threshold: t.deadTupleRatio,
      message: worst
        ? `${worst.schema}.${worst.name}: ${worst.deadTuples} dead rows, ${formatPercent(worst.deadRatio)} of its rows`
        : `No table has ${t.deadTuplesMin} dead rows or more`,
    }),
  ];
}
