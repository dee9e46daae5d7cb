// What this database's sessions are doing now: the queries in flight (and sessions holding a
// transaction open), and who waits on whose lock. Sessions of other databases on the same server
// are not ours to judge or cancel; the report's own session is left out.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatSeconds, plural } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import { toDate } from "./pg-values.ts";
import type { BlockedQuery, HealthCheck, LiveQuery } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

const QUERY_TEXT_LIMIT = 2000;

export interface Activity {
  liveQueries: LiveQuery[];
  blockedQueries: BlockedQuery[];
}

interface LiveQueryRow {
  pid: number;
  user: string | null;
  application: string;
  client_address: string | null;
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
  backend_started_at: string | null;
  transaction_started_at: string | null;
  query_started_at: string | null;
  duration_seconds: number | null;
  query: string | null;
  blocked_by: number[];
}

interface BlockedRow {
  blocked_pid: number;
  blocked_query: string | null;
  blocked_seconds: number | null;
  waiting_for: string | null;
  blocking_pid: number;
  blocking_query: string | null;
  blocking_state: string | null;
  blocking_seconds: number | null;
}

/** Every session of this database that is not idle (running, or inside a transaction). */
export async function collectActivity(db: Executor): Promise<Activity> {
  // clock_timestamp(), not now(): inside a long request transaction now() is its start.
  const live = await db.execute<LiveQueryRow>(sql`
    select a.pid,
           a.usename as user,
           a.application_name as application,
           host(a.client_addr) as client_address,
           a.state,
           a.wait_event_type,
           a.wait_event,
           a.backend_start as backend_started_at,
           a.xact_start as transaction_started_at,
           a.query_start as query_started_at,
           -- A running query counts from its start; a session idle in a transaction from when it
           -- went idle (its last query finished long ago, the transaction stays open).
           extract(epoch from clock_timestamp() - case when a.state = 'active' then a.query_start
                                                      else a.state_change end)::float8 as duration_seconds,
           left(a.query, ${QUERY_TEXT_LIMIT}) as query,
           pg_blocking_pids(a.pid) as blocked_by
      from pg_stat_activity a
     where a.datname = current_database()
       and a.backend_type = 'client backend'
       and a.pid <> pg_backend_pid()
       and a.state <> 'idle'
     order by duration_seconds desc nulls last`);
  const blocked = await db.execute<BlockedRow>(sql`
    with waiting as (
      select a.pid, a.query, a.query_start, pg_blocking_pids(a.pid) as blockers
        from pg_stat_activity a
       where a.datname = current_database()
         and a.backend_type = 'client backend'
         and a.pid <> pg_backend_pid()
         and a.state is distinct from 'idle'
    )
    select w.pid as blocked_pid,
           left(w.query, ${QUERY_TEXT_LIMIT}) as blocked_query,
           extract(epoch from clock_timestamp() - w.query_start)::float8 as blocked_seconds,
           (select l.locktype || ' ' || l.mode
                   || coalesce(' on ' || case when l.locktype = 'relation' then l.relation::regclass::text end, '')
              from pg_locks l
             where l.pid = w.pid and not l.granted
             limit 1) as waiting_for,
           bp.pid as blocking_pid,
           left(b.query, ${QUERY_TEXT_LIMIT}) as blocking_query,
           b.state as blocking_state,
           -- The blocker holds its locks since its transaction began.
           extract(epoch from clock_timestamp() - coalesce(b.xact_start, b.query_start))::float8 as blocking_seconds
      from waiting w
     cross join unnest(w.blockers) as bp(pid)
      left join pg_stat_activity b on b.pid = bp.pid
     order by blocked_seconds desc nulls last, w.pid, bp.pid`);
  return {
    liveQueries: live.map((r) => ({
      pid: r.pid,
      user: r.user,
      application: r.application,
      clientAddress: r.client_address,
      state: r.state,
      waitEventType: r.wait_event_type,
      waitEvent: r.wait_event,
      backendStartedAt: toDate(r.backend_started_at),
      transactionStartedAt: toDate(r.transaction_started_at),
      queryStartedAt: toDate(r.query_started_at),
      durationSeconds: Math.max(0, r.duration_seconds ?? 0),
      query: r.query ?? "",
      blockedBy: r.blocked_by,
    })),
    blockedQueries: blocked.map((r) => ({
      blockedPid: r.blocked_pid,
      blockedQuery: r.blocked_query ?? "",
      blockedSeconds: Math.max(0, r.blocked_seconds ?? 0),
      waitingFor: r.waiting_for ?? "a lock",
      blockingPid: r.blocking_pid,
      blockingQuery: r.blocking_query ?? "",
      blockingState: r.blocking_state,
      blockingSeconds: Math.max(0, r.blocking_seconds ?? 0),
    })),
  };
}

/** The longest running query (idle-in-transaction sessions are the other check's). */
export function longestQuerySeconds(liveQueries: readonly LiveQuery[]): number | null {
  const running = liveQueries.filter((q) => q.state === "active").map((q) => q.durationSeconds);
  return running.length > 0 ? Math.max(...running) : null;
}

/** long_running_queries, blocked_queries. */
export function activityChecks(activity: Activity, t: HealthThresholds): HealthCheck[] {
  const longest = longestQuerySeconds(activity.liveQueries);
  const running = activity.liveQueries.filter((q) => q.state === "active").length;
  const blocked = new Set(activity.blockedQueries.map((b) => b.blockedPid)).size;
  const blockers = new Set(activity.blockedQueries.map((b) => b.blockingPid)).size;
  return [
    makeCheck({
      key: "long_running_queries",
      label: "Long-running queries",
      value: longest,
      unit: "seconds",
      direction: "above",
      threshold: t.longRunningQuerySeconds,
      message:
        longest === null
          ? "No other query is running."
          : `${plural(running, "query", "queries")} running, the longest for ${formatSeconds(longest)}.`,
    }),
    makeCheck({
      key: "blocked_queries",
      label: "Blocked queries",
      value: blocked,
      unit: "count",
      direction: "above",
      threshold: t.blockedQueries,
      message:
        blocked === 0
          ? "No session is waiting on another's lock."
          : `${plural(blocked, "session")} waiting on locks held by ${plural(blockers, "other")}.`,
    }),
  ];
}
