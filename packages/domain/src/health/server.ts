// Who we are talking to (version, start, limits, whether we see every session) and how long a
// trivial statement takes there: the connectivity check.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatMs } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import { toDate } from "./pg-values.ts";
import type { HealthCheck, ServerInfo } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

/** Milliseconds `select 1` takes, the network included. Run it alone: timed while other
 * statements are in flight on the connection, it would measure them too. */
export async function measureRoundTrip(db: Executor): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return performance.now() - started;
}

export async function collectServerInfo(db: Executor): Promise<ServerInfo> {
  const [row] = await db.execute<{
    version: string;
    database: string;
    started_at: string | Date;
    max_connections: number;
    stats_reset: string | Date | null;
    sees_all_sessions: boolean;
  }>(sql`
    select current_setting('server_version') as version,
           current_database() as database,
           pg_postmaster_start_time() as started_at,
           current_setting('max_connections')::int as max_connections,
           (select d.stats_reset from pg_stat_database d where d.datname = current_database()) as stats_reset,
           -- Without pg_read_all_stats, other roles' sessions show no state or query text.
           pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') as sees_all_sessions`);
  if (!row) throw new Error("The server described nothing.");
  return {
    version: row.version,
    database: row.database,
    startedAt: toDate(row.started_at),
    maxConnections: row.max_connections,
    statsResetAt: toDate(row.stats_reset),
    seesAllSessions: row.sees_all_sessions,
  };
}

/** connectivity. */
export function connectivityCheck(roundTripMs: number, t: HealthThresholds): HealthCheck {
  return makeCheck({
    key: "connectivity",
    label: "Connectivity",
    value: roundTripMs,
    unit: "ms",
    direction: "above",
    threshold: t.roundTripMs,
    message: `The database answered select 1 in ${formatMs(roundTripMs)}.`,
  });
}
