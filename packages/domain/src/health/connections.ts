// Connections: what runs out is the server's max_connections, shared by every database on it, so
// the total (and the check) counts the server's client sessions; the breakdowns by state and
// application are this database's, which is what the operators can act on.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatPercent, formatSeconds, plural } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import type { ConnectionCount, ConnectionSummary, HealthCheck } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

export interface ConnectionsMeasure {
  summary: ConnectionSummary;
  /** The longest a session of this database has been idle in a transaction, null: none is. */
  longestIdleInTransactionSeconds: number | null;
}

export async function collectConnections(db: Executor): Promise<ConnectionsMeasure> {
  const [row] = await db.execute<{
    total: number;
    active: number;
    idle_in_transaction: number;
    max: number;
    usable: number;
    by_state: ConnectionCount[] | null;
    by_application: ConnectionCount[] | null;
    longest_idle_in_transaction: number | null;
  }>(sql`
    with sessions as (
      select a.datname = current_database() as here, a.state, a.application_name, a.state_change
        from pg_stat_activity a
       where a.backend_type = 'client backend'
    ),
    mine as (select * from sessions where here)
    select (select count(*)::int from sessions) as total,
           (select count(*)::int from mine where state = 'active') as active,
           (select count(*)::int from mine where state like 'idle in transaction%') as idle_in_transaction,
           current_setting('max_connections')::int as max,
           -- Slots kept for superusers (and, from PostgreSQL 16, for pg_use_reserved_connections)
           -- are not the application's to use.
           current_setting('max_connections')::int
             - current_setting('superuser_reserved_connections')::int
             - coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0) as usable,
           (select json_agg(json_build_object('name', name, 'count', n) order by n desc, name)
              from (select coalesce(state, '(unknown)') as name, count(*)::int as n
                      from mine group by 1) s) as by_state,
           (select json_agg(json_build_object('name', name, 'count', n) order by n desc, name)
              from (select coalesce(nullif(application_name, ''), '(none)') as name, count(*)::int as n
                      from mine group by 1) s) as by_application,
           (select extract(epoch from clock_timestamp() - min(state_change))::float8
              from mine where state like 'idle in transaction%') as longest_idle_in_transaction`);
  if (!row) throw new Error("pg_stat_activity returned nothing.");
  return {
    summary: {
      total: row.total,
      active: row.active,
      idleInTransaction: row.idle_in_transaction,
      max: row.max,
      usable: row.usable,
      byState: row.by_state ?? [],
      byApplication: row.by_application ?? [],
    },
    longestIdleInTransactionSeconds: row.longest_idle_in_transaction,
  };
}

/** connections, idle_in_transaction. */
export function connectionChecks(measure: ConnectionsMeasure, t: HealthThresholds): HealthCheck[] {
  const { summary } = measure;
  const use = summary.usable > 0 ? summary.total / summary.usable : 1;
  const idle = measure.longestIdleInTransactionSeconds;
  return [
    makeCheck({
      key: "connections",
      label: "Connections",
      value: use,
      unit: "ratio",
      direction: "above",
      threshold: t.connectionUse,
      message: `${summary.total} of ${summary.usable} usable connections in use (${formatPercent(use)}).`,
    }),
    makeCheck({
      key: "idle_in_transaction",
      label: "Idle in transaction",
      value: idle,
      unit: "seconds",
      direction: "above",
      threshold: t.idleInTransactionSeconds,
      message:
        idle === null
          ? "No session is idle in a transaction."
          : `${plural(summary.idleInTransaction, "session")} idle in a transaction, the longest for ${formatSeconds(idle)}.`,
    }),
  ];
}
