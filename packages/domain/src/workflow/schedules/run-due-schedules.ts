// The scheduler's round (run every minute by the worker): every enabled schedule whose next run
// has come starts its workflow, at most once per run time.
//
// Once per run time. app.due_workflow_schedules lists the due schedules of every tenant (ids
// only). Each is then handled in its tenant's scope as the system, in one transaction: the row is
// locked FOR UPDATE and re-read, and only if its next_run_at is still due does anything happen;
// the instance is started and next_run_at moved past now IN THAT TRANSACTION. Two rounds racing
// (two workers, a round re-run after a crash) serialise on the lock, and the second finds the
// schedule no longer due. The instance also carries the idempotency key
// `schedule:<id>:<run time ISO>`, so even a round that saw a stale row cannot start that run twice.
//
// Missed runs (the worker was down when runs came due). A run is MISSED when a later run time is
// also due, or when it is more than `skipGraceMs` (default 5 minutes) late; the round runs every
// minute, so a run handled on time is a few seconds late at most.
// - `skip`: missed runs are not started. The latest due run starts only if it is not missed
//   (at most skipGraceMs late); otherwise nothing starts and the schedule waits for its next run
//   (last_status `skipped`, last_error says how many runs were skipped).
// - `catch_up_once`: one instance stands for all the due runs, however many and however late,
//   keyed by the latest of them.
// Either way next_run_at becomes the first run time after now: runs are never started for times
// that have not come, and never more than one per round.
//
// A start the engine refuses (no active version of the definition any more, …) is recorded on the
// schedule (last_status `failed`, last_error) and the schedule moves on to its next run: a broken
// definition does not make the round retry for ever.
import { type Database, schema, type TenantScope, withTenant } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { type OperationContext, systemActor } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import type { WorkflowEngineDeps } from "../engine/engine-ports.ts";
import { startWorkflow } from "../engine/index.ts";
import { nextRunAt, runsBetween } from "./next-run-at.ts";

export const SKIP_GRACE_MS = 5 * 60_000;

export interface RunDueSchedulesOptions {
  now: Date;
  /** Schedules handled per round (default 100); the rest wait for the next round. */
  limit?: number;
  /** How late a run may be and still start under `skip` (default 5 minutes). */
  skipGraceMs?: number;
}

export interface ScheduleRunOutcome {
  accountId: string;
  scheduleId: string;
  /** started: an instance (new, or the existing one of this run's key); failed: the engine
   * refused; skipped: only missed runs were due; not_due: another round got there first. */
  status: "started" | "failed" | "skipped" | "not_due";
  /** The run time the instance stands for. */
  runAt: Date | null;
  /** Due run times that were not started on their own (skipped, or folded into a catch-up). */
  missedRuns: number;
  instanceId: string | null;
  error: string | null;
  nextRunAt: Date | null;
}

/** `schedule:<id>:<run time>`: one instance per schedule and run time, whoever starts it. */
export const scheduleRunKey = (scheduleId: string, runAt: Date) =>
  `schedule:${scheduleId}:${runAt.toISOString()}`;

export async function runDueSchedules(
  db: Database,
  options: RunDueSchedulesOptions,
  deps: WorkflowEngineDeps,
): Promise<ScheduleRunOutcome[]> {
  const { now } = options;
  const due = await db.execute<{ account_id: string; schedule_id: string }>(
    sql`select account_id, schedule_id from app.due_workflow_schedules(${now.toISOString()}::timestamptz, ${options.limit ?? 100})`,
  );
  const outcomes: ScheduleRunOutcome[] = [];
  for (const { account_id: accountId, schedule_id: scheduleId } of due) {
    // One transaction per schedule: a failure of one does not hold back the others.
    outcomes.push(await runSchedule(db, accountId, scheduleId, options, deps));
  }
  return outcomes;
}

async function runSchedule(
  db: Database,
  accountId: string,
  scheduleId: string,
  options: RunDueSchedulesOptions,
  deps: WorkflowEngineDeps,
): Promise<ScheduleRunOutcome> {
  const { now } = options;
  const scope: TenantScope = { accountId, accountIds: [accountId], userId: null, apiKeyId: null };
  return withTenant(db, scope, async (tx) => {
    const ctx: OperationContext = {
      tx,
      actor: systemActor,
      accountId,
      role: null,
      scopes: null,
      scope,
      detached: (fn) => withTenant(db, scope, fn),
    };
    const s = schema.workflowSchedules;
    // The lock that makes a run time start once: a concurrent round waits here, then re-reads.
    const [row] = await tx
      .select()
      .from(s)
      .where(and(eq(s.accountId, accountId), eq(s.id, scheduleId)))
      .for("update");
    const base = { accountId, scheduleId, missedRuns: 0, instanceId: null, error: null };
    if (!row?.enabled || !row.nextRunAt || row.nextRunAt.getTime() > now.getTime()) {
      return { ...base, status: "not_due" as const, runAt: null, nextRunAt: row?.nextRunAt ?? null };
    }
    const walked = runsBetween(row.cron, row.timeZone, row.nextRunAt, now);
    // next_run_at is always a run time; should it not be (set by hand), it still counts as one.
    const latest = walked.latest ?? row.nextRunAt;
    const count = Math.max(1, walked.count);
    const missedRuns = count - 1;
    const next = nextRunAt(row.cron, row.timeZone, now);
    const onTime = now.getTime() - latest.getTime() <= (options.skipGraceMs ?? SKIP_GRACE_MS);

    if (row.missedRunPolicy === "skip" && !onTime) {
      await tx
        .update(s)
        .set({
          nextRunAt: next,
          lastStatus: "skipped",
          lastError: `${count} missed run${count === 1 ? "" : "s"} skipped (the latest due ${latest.toISOString()}).`,
        })
        .where(eq(s.id, row.id));
      return { ...base, status: "skipped" as const, runAt: null, missedRuns: count, nextRunAt: next };
    }

    const d = schema.workflowDefinitions;
    const [definition] = await tx
      .select({ name: d.name })
      .from(d)
      .where(and(eq(d.accountId, accountId), eq(d.id, row.definitionId)));
    let instanceId: string | null = null;
    let error: string | null = null;
    try {
      // A savepoint: a refused start rolls back alone, and the schedule still moves on.
      const started = await tx.transaction((savepoint) =>
        startWorkflow(
          { ...ctx, tx: savepoint },
          {
            // Runs start the newest active version of the definition's name.
            name: definition?.name ?? "",
            input: row.input,
            priority: row.priority,
            correlationId: `schedule:${row.id}`,
            idempotencyKey: scheduleRunKey(row.id, latest),
            scheduleId: row.id,
          },
          deps,
        ),
      );
      instanceId = started.instance.id;
    } catch (caught) {
      if (!(caught instanceof DomainError)) throw caught;
      error = caught.message;
    }
    // The run is recorded whatever the start answered; the version is left alone (it guards
    // people's edits, which a run every minute would otherwise keep refusing).
    await tx
      .update(s)
      .set({
        nextRunAt: next,
        lastRunAt: now,
        lastStatus: instanceId ? "started" : "failed",
        lastError: error,
        lastInstanceId: instanceId ?? row.lastInstanceId,
      })
      .where(eq(s.id, row.id));
    return {
      ...base,
      status: instanceId ? ("started" as const) : ("failed" as const),
      runAt: latest,
      missedRuns,
      instanceId,
      error,
      nextRunAt: next,
    };
  });
}
