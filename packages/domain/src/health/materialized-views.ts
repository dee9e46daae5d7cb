// How fresh the materialized views are. PostgreSQL does not record when a view was refreshed: the
// refresh functions write it to materialized_view_refreshes.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatSeconds } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import { exclusivelyLockedRelations, pageBytes } from "./locked-relations.ts";
import { toDate } from "./pg-values.ts";
import type { HealthCheck, MaterializedViewStatus } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

// Raw rows: drizzle leaves bigints, numerics and timestamps as text.
interface ViewRow {
  name: string;
  populated: boolean;
  refreshed_at: string | null;
  age_seconds: string | null;
  bytes: string;
}

export async function collectMaterializedViews(db: Executor): Promise<MaterializedViewStatus[]> {
  // A plain REFRESH holds an exclusive lock: the view's size then comes from the catalog (measuring
  // it would wait for the refresh).
  const rows = await db.execute<ViewRow>(sql`
    with locked as (${exclusivelyLockedRelations})
    select c.relname as name, c.relispopulated as populated, r.refreshed_at,
           extract(epoch from now() - r.refreshed_at) as age_seconds,
           case when c.oid in (select relation from locked)
                then (select coalesce(sum(p.relpages), 0) from pg_class p
                       where p.oid = c.oid or p.oid in (select x.indexrelid from pg_index x where x.indrelid = c.oid))
                     * ${pageBytes}
                else pg_total_relation_size(c.oid) end as bytes
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join materialized_view_refreshes r on r.view_name = c.relname
     where c.relkind = 'm' and n.nspname = 'public'
     order by c.relname`);
  return rows.map((r) => ({
    name: r.name,
    populated: r.populated,
    refreshedAt: toDate(r.refreshed_at),
    ageSeconds: r.age_seconds === null ? null : Math.max(0, Number(r.age_seconds)),
    bytes: Number(r.bytes),
  }));
}

/** materialized_views: the oldest refresh against the thresholds; a view never populated fails
 * (reading it raises an error), one whose refresh was never recorded warns (its age is unknown). */
export function materializedViewCheck(
  views: readonly MaterializedViewStatus[],
  t: HealthThresholds,
): HealthCheck {
  const ages = views.flatMap((v) => (v.ageSeconds === null ? [] : [v.ageSeconds]));
  const oldest = ages.length ? Math.max(...ages) : null;
  const oldestView = views.find((v) => v.ageSeconds === oldest);
  const unpopulated = views.filter((v) => !v.populated);
  const unrecorded = views.filter((v) => v.populated && v.ageSeconds === null);
  const sentences = [
    unpopulated.length ? `Never populated: ${unpopulated.map((v) => v.name).join(", ")}` : null,
    unrecorded.length ? `No refresh recorded: ${unrecorded.map((v) => v.name).join(", ")}` : null,
    oldestView
      ? `Oldest refresh: ${oldestView.name}, ${formatSeconds(oldestView.ageSeconds ?? 0)} ago`
      : null,
  ].filter((s): s is string => s !== null);
  const check = makeCheck({
    key: "materialized_views",
    label: "Materialized views",
    value: oldest,
    unit: "seconds",
    direction: "above",
    threshold: t.materializedViewAgeSeconds,
    message: sentences.length ? `${sentences.join(". ")}.` : "No materialized view.",
  });
  if (unpopulated.length) return { ...check, status: "fail" };
  if (unrecorded.length && check.status === "pass") return { ...check, status: "warn" };
  return check;
}
