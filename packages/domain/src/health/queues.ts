// The pg-boss queues (schema pgboss): how many jobs wait, for how long, and how many failed for good
// in the last day.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { grade, makeCheck } from "./grade.ts";
import type { CheckStatus, HealthCheck, QueueStat } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

// Raw rows: drizzle leaves bigints and numerics as text.
interface QueueRow {
  name: string;
  queued: string;
  deferred: string;
  active: string;
  failed_last_day: string;
  oldest_waiting_seconds: string | null;
}

/** Every pg-boss queue (schema pgboss), empty ones included. */
export async function collectQueues(db: Executor): Promise<QueueStat[]> {
  // Only unfinished jobs and the last day's failures are read: completed jobs are kept for days and
  // may be most of the table. A job waits from when it could first run (start_after: a retry or a
  // deferred job is not late before then).
  const rows = await db.execute<QueueRow>(sql`
    select q.name,
           coalesce(j.queued, 0) as queued, coalesce(j.deferred, 0) as deferred,
           coalesce(j.active, 0) as active, coalesce(j.failed_last_day, 0) as failed_last_day,
           extract(epoch from now() - j.oldest_ready) as oldest_waiting_seconds
      from pgboss.queue q
      left join (
        select name,
               count(*) filter (where state in ('created', 'retry') and start_after <= now()) as queued,
               count(*) filter (where state in ('created', 'retry') and start_after > now()) as deferred,
               count(*) filter (where state = 'active') as active,
               count(*) filter (where state = 'failed') as failed_last_day,
               min(greatest(created_on, start_after))
                 filter (where state in ('created', 'retry') and start_after <= now()) as oldest_ready
          from pgboss.job
         where state in ('created', 'retry', 'active')
            or (state = 'failed' and completed_on > now() - interval '1 day')
         group by name
      ) j on j.name = q.name
     order by q.name`);
  return rows.map((r) => ({
    name: r.name,
    queued: Number(r.queued),
    deferred: Number(r.deferred),
    active: Number(r.active),
    failedLastDay: Number(r.failed_last_day),
    oldestWaitingSeconds:
      r.oldest_waiting_seconds === null ? null : Math.max(0, Number(r.oldest_waiting_seconds)),
  }));
}

/** queue_backlog (the worse of the depth over every queue and the oldest waiting job),
 * queue_failures. */
export function queueChecks(queues: readonly QueueStat[], t: HealthThresholds): HealthCheck[] {
  const queued = queues.reduce((sum, q) => sum + q.queued, 0);
  const deepest = queues.reduce<QueueStat | null>((d, q) => (q.queued > (d?.queued ?? 0) ? q : d), null);
  const waits = queues.flatMap((q) => (q.oldestWaitingSeconds === null ? [] : [q.oldestWaitingSeconds]));
  const oldestWait = waits.length ? Math.max(...waits) : null;
  const oldest = queues.find((q) => q.oldestWaitingSeconds === oldestWait);
  const status = worse(
    grade(queued, t.queueDepth, "above"),
    grade(oldestWait, t.queueOldestWaitingSeconds, "above"),
  );

  const failing = queues.filter((q) => q.failedLastDay > 0).sort((a, b) => b.failedLastDay - a.failedLastDay);
  const failed = failing.reduce((sum, q) => sum + q.failedLastDay, 0);
  const named = failing.slice(0, 3).map((q) => `${q.name} (${q.failedLastDay})`);
  if (failing.length > 3) named.push(`${failing.length - 3} more queues`);

  return [
    makeCheck({
      key: "queue_backlog",
      label: "Queue backlog",
      value: queued,
      unit: "count",
      direction: "above",
      threshold: t.queueDepth,
      status,
      message:
        deepest && oldest
          ? `${queued} jobs ready and waiting, most in ${deepest.name} (${deepest.queued}); ` +
            `the oldest has waited ${Math.round(oldestWait ?? 0)} s in ${oldest.name}`
          : "No job is waiting",
    }),
    makeCheck({
      key: "queue_failures",
      label: "Failed jobs",
      value: failed,
      unit: "count",
      direction: "above",
      threshold: t.failedJobs,
      message: failed
        ? `${failed} jobs failed in the last 24 hours: ${named.join(", ")}`
        : "No job failed in the last 24 hours",
    }),
  ];
}

const SEVERITY: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

function worse(a: CheckStatus, b: CheckStatus): CheckStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}
