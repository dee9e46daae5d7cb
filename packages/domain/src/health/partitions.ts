// Whether the tables partitioned by month (domain_events, marketing_events, …) have a partition for
// this month and the next ones: without one, rows land in the default partition, and a later
// partition for that month can no longer be attached until they are moved out.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { grade, makeCheck } from "./grade.ts";
import type { HealthCheck, PartitionStatus } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

// Raw rows: drizzle leaves bigints and numerics as text.
interface PartitionRow {
  table: string;
  /** null: a partitioned table without any partition. */
  partition: string | null;
  is_default: boolean;
  /** The partition's range as epoch seconds ("-Infinity"/"Infinity" for MINVALUE/MAXVALUE). */
  lower_epoch: string | null;
  upper_epoch: string | null;
  live_rows: string | null;
}

/** Every partitioned table of ours, with the months from `now`'s to `months` ahead. Only tables
 * partitioned by range on one date or timestamp column are considered (months mean nothing to the
 * others); whether a month is present is read from the partitions' bounds, not their names. */
export async function collectPartitions(db: Executor, now: Date, months = 3): Promise<PartitionStatus[]> {
  // The bound's text is `FOR VALUES FROM ('…') TO ('…')`; timestamptz literals carry their offset,
  // and a timestamp or date key is taken as UTC, as app.ensure_monthly_partitions creates them. A
  // bound holds constants only: deparsed without the partition (0), so no lock on it is awaited.
  const rows = await db.execute<PartitionRow>(sql`
    with parent as (
      select p.oid, format('%I.%I', n.nspname, p.relname) as table, pt.partdefid, a.atttypid as key_type
        from pg_partitioned_table pt
        join pg_class p on p.oid = pt.partrelid
        join pg_namespace n on n.oid = p.relnamespace
        join pg_attribute a on a.attrelid = p.oid and a.attnum = pt.partattrs[0]
       where n.nspname = 'public' and not p.relispartition
         and pt.partstrat = 'r' and pt.partnatts = 1
         and a.atttypid in ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)
    ), child as (
      select parent.table, parent.key_type, c.relname as partition, c.oid = parent.partdefid as is_default,
             regexp_match(pg_get_expr(c.relpartbound, 0), '^FOR VALUES FROM [(](.*)[)] TO [(](.*)[)]$') as bounds,
             s.n_live_tup as live_rows
        from parent
        left join pg_inherits i on i.inhparent = parent.oid
        left join pg_class c on c.oid = i.inhrelid
        left join pg_stat_user_tables s on s.relid = c.oid
    ), literal as (
      select child.*, b.lower, b.upper
        from child
        left join lateral (
          select case bounds[1] when 'MINVALUE' then '-infinity' when 'MAXVALUE' then 'infinity'
                                else btrim(bounds[1], '''') end as lower,
                 case bounds[2] when 'MINVALUE' then '-infinity' when 'MAXVALUE' then 'infinity'
                                else btrim(bounds[2], '''') end as upper
        ) b on bounds is not null
    )
    select "table", partition, coalesce(is_default, false) as is_default, live_rows,
           case key_type when 'timestamptz'::regtype then extract(epoch from lower::timestamptz)
                         when 'timestamp'::regtype then extract(epoch from lower::timestamp)
                         else extract(epoch from lower::date) end as lower_epoch,
           case key_type when 'timestamptz'::regtype then extract(epoch from upper::timestamptz)
                         when 'timestamp'::regtype then extract(epoch from upper::timestamp)
                         else extract(epoch from upper::date) end as upper_epoch
      from literal
     order by "table", lower_epoch nulls first`);

  const wanted = monthsFrom(now, months);
  return [...Map.groupBy(rows, (r) => r.table)].map(([table, partitions]) => {
    const ranges = partitions
      .filter((p) => p.lower_epoch !== null && p.upper_epoch !== null)
      .map((p) => ({ from: Number(p.lower_epoch) * 1000, to: Number(p.upper_epoch) * 1000 }));
    const present = wanted.filter((m) => covered(ranges, m.from, m.to));
    return {
      table,
      presentMonths: present.map((m) => m.label),
      missingMonths: wanted.filter((m) => !present.includes(m)).map((m) => m.label),
      defaultPartitionRows: Number(partitions.find((p) => p.is_default)?.live_rows ?? 0),
    };
  });
}

interface Month {
  label: string;
  from: number;
  to: number;
}

/** `now`'s month (UTC) and the `count` after it. */
function monthsFrom(now: Date, count: number): Month[] {
  return Array.from({ length: count + 1 }, (_, i) => {
    const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1);
    const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1);
    const start = new Date(from);
    const label = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
    return { label, from, to };
  });
}

/** Whether the ranges ([from, to), ms) together cover [from, to): a month may be split over
 * several partitions. */
function covered(ranges: readonly { from: number; to: number }[], from: number, to: number): boolean {
  let reached = from;
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    if (range.from > reached) break;
    reached = Math.max(reached, range.to);
    if (reached >= to) return true;
  }
  return reached >= to;
}

/** partitions: months without a partition; rows in a default partition warn too. */
export function partitionCheck(partitions: readonly PartitionStatus[], t: HealthThresholds): HealthCheck {
  const missing = partitions.flatMap((p) => p.missingMonths.map((month) => `${p.table} ${month}`));
  const misplaced = partitions.filter((p) => p.defaultPartitionRows > 0);
  const status = grade(missing.length, t.missingPartitions, "above");
  const sentences = [
    missing.length
      ? `No partition for ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""}`
      : `Every partitioned table has its partitions for this month and the next ones`,
    ...misplaced.map(
      (p) =>
        `${p.defaultPartitionRows} row${p.defaultPartitionRows === 1 ? "" : "s"} in the default partition of ${p.table}`,
    ),
  ];
  return makeCheck({
    key: "partitions",
    label: "Partitions",
    value: missing.length,
    unit: "count",
    direction: "above",
    threshold: t.missingPartitions,
    message: `${sentences.join("; ")}.`,
    status: misplaced.length > 0 && status === "pass" ? "warn" : status,
  });
}
