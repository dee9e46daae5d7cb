// The workflow engine on the job queue (packages/domain/src/workflow/engine): each runnable step
// is a job `workflow.run-step` {accountId, instanceId, stepRowId, attempt}, worked by
// runWorkflowStep. The engine writes these jobs itself, in the transaction of the transition that
// made the step runnable (workflowQueue: pg-boss on that transaction's connection), so a job exists
// if and only if its transition committed; a retry's job carries its backoff as startAfter, a
// wait's its end. Priority: each job carries JOB_PRIORITY of its instance, and pg-boss fetches in
// priority order.
//
// Run-once is the database's, not pg-boss's: runWorkflowStep claims the step under the instance's
// and the step's row locks, only when it is pending with attempts = job.attempt − 1, so a job that
// runs twice (a duplicate, a retry of a job whose worker died after the claim) does nothing the
// second time. What pg-boss guarantees is that a job is not lost: one whose worker was killed
// expires after expireInSeconds and is retried (a step that was pending is then claimed). A step
// that was claimed and whose worker died stays `running`; the sweeper (every WORKFLOW_POLL_MS)
// finds it through app.overdue_workflow_steps once its timeout and a grace have passed, and
// handleOverdueStep times the attempt out (retried or failed by the step's policy). The sweeper
// also wakes waiting steps (waits, approval timeouts) whose job was lost.
//
// Around it: the schedules' round every minute (runDueSchedules), retention daily
// (purgeWorkflowInstances, WORKFLOW_RETENTION_DAYS) and the performance view hourly.
import type { Database, Transaction } from "@markettina/db";
import {
  type ExternalStepPorts,
  handleOverdueStep,
  purgeWorkflowInstances,
  refreshWorkflowStats,
  runDueSchedules,
  runWorkflowStep,
  type WorkflowEngineDeps,
  type WorkflowQueue,
  type WorkflowStepJob,
} from "@markettina/domain";
import { sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";
import { txDatabase } from "../messaging/journey-webhooks.ts";
import { startPoller } from "./messages.ts";

export const WORKFLOW_STEP_QUEUE = "workflow.run-step";
export const WORKFLOW_SCHEDULES_QUEUE = "workflow.run-schedules";
export const WORKFLOW_PURGE_QUEUE = "workflow.purge-instances";
export const WORKFLOW_STATS_QUEUE = "workflow.refresh-stats";

/** A step without a timeout of its own is given this long before the sweeper times it out. */
export const DEFAULT_STEP_TIMEOUT_SECONDS = 300;

export interface WorkflowQueueOptions {
  /** Jobs run at a time on this process (default 4). */
  concurrency?: number;
  /** Seconds before a running job counts as lost and is retried (default: the default step
   * timeout + 60 s). A job of a step with a longer timeout may be retried while it still runs:
   * harmless (the retry finds the step claimed and does nothing). */
  expireInSeconds?: number;
  /** pg-boss retries of a job whose handler threw (a database error; default 5). */
  retryLimit?: number;
  /** Seconds past a step's timeout (or a wait's end) before the sweeper steps in (default 30). */
  overdueGraceSeconds?: number;
  defaultStepTimeoutSeconds?: number;
  /** Overdue steps handled per sweep (default 200). */
  sweepBatch?: number;
  clock?: () => Date;
}

export interface WorkflowWorkerDeps {
  /** http_request, send_email and generate_content (built by the app; see src/workflow/). */
  external: ExternalStepPorts;
  /** How often the sweeper looks for overdue steps (WORKFLOW_POLL_MS). */
  pollMs: number;
  /** Finished instances are purged after this many days (WORKFLOW_RETENTION_DAYS). */
  retentionDays: number;
  options?: WorkflowQueueOptions;
}

export interface Workflows {
  engine: WorkflowEngineDeps;
  /** One sweep: overdue steps handed to handleOverdueStep; answers how many. */
  sweep: () => Promise<number>;
  stop: () => Promise<void>;
}

/** The engine's queue port: jobs written on the transition's own connection. */
export function workflowQueue(boss: PgBoss): WorkflowQueue {
  return {
    async enqueue(tx: Transaction, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        WORKFLOW_STEP_QUEUE,
        jobs.map(({ runAt, priority, ...data }) => ({
          data: data satisfies WorkflowStepJob,
          priority,
          ...(runAt ? { startAfter: runAt } : {}),
        })),
        { db: txDatabase(tx) },
      );
    },
  };
}

export async function startWorkflows(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  workflows: WorkflowWorkerDeps;
}): Promise<Workflows> {
  const { boss, db, logger } = deps;
  const options = deps.workflows.options ?? {};
  const clock = options.clock ?? (() => new Date());
  const defaultTimeout = options.defaultStepTimeoutSeconds ?? DEFAULT_STEP_TIMEOUT_SECONDS;
  const engine: WorkflowEngineDeps = { queue: workflowQueue(boss), external: deps.workflows.external };

  const stepQueue = {
    retryLimit: options.retryLimit ?? 5,
    retryBackoff: true,
    retryDelay: 1,
    retryDelayMax: 60,
    expireInSeconds: options.expireInSeconds ?? defaultTimeout + 60,
    deleteAfterSeconds: 3_600,
  };
  await boss.createQueue(WORKFLOW_STEP_QUEUE, { notify: true, ...stepQueue });
  await boss.updateQueue(WORKFLOW_STEP_QUEUE, { notify: true, ...stepQueue });
  // One round of each at a time: a slow round does not pile up others behind it.
  for (const queue of [WORKFLOW_SCHEDULES_QUEUE, WORKFLOW_PURGE_QUEUE, WORKFLOW_STATS_QUEUE]) {
    await boss.createQueue(queue, { policy: "exclusive", retryLimit: 1, expireInSeconds: 900 });
  }

  await boss.work<WorkflowStepJob>(
    WORKFLOW_STEP_QUEUE,
    {
      localConcurrency: options.concurrency ?? 4,
      batchSize: 1,
      pollingIntervalSeconds: 0.5,
      // Inserts wake the workers (notify); this poll is for what no insert announces: jobs whose
      // startAfter came (retries after their backoff, waits), jobs of a killed worker that expired.
      notifyPollingIntervalSeconds: 1,
    },
    async ([job]) => {
      // A throw (the database) rolls the step's transaction back; pg-boss retries the job.
      const result = await runWorkflowStep(db, { ...job!.data, now: clock() }, engine);
      return result as object;
    },
  );

  await boss.work(WORKFLOW_SCHEDULES_QUEUE, async () => {
    const outcomes = await runDueSchedules(db, { now: clock() }, engine);
    for (const o of outcomes) {
      if (o.status === "failed") logger.warn(o, "scheduled workflow start refused");
      else if (o.status === "skipped") logger.info(o, "missed schedule runs skipped");
    }
    return { schedules: outcomes.length, started: outcomes.filter((o) => o.status === "started").length };
  });
  await boss.work(WORKFLOW_PURGE_QUEUE, async () => {
    const before = new Date(clock().getTime() - deps.workflows.retentionDays * 86_400_000);
    const purged = await purgeWorkflowInstances(db, { before });
    if (purged > 0) logger.info({ purged, before }, "finished workflow instances purged");
    return { purged };
  });
  await boss.work(WORKFLOW_STATS_QUEUE, async () => {
    const refreshedAt = await refreshWorkflowStats(db);
    return { refreshedAt: refreshedAt.toISOString() };
  });
  await boss.schedule(WORKFLOW_SCHEDULES_QUEUE, "* * * * *", null, { tz: "UTC" });
  await boss.schedule(WORKFLOW_PURGE_QUEUE, "41 3 * * *", null, { tz: "UTC" });
  await boss.schedule(WORKFLOW_STATS_QUEUE, "3 * * * *", null, { tz: "UTC" });

  const sweep = async (): Promise<number> => {
    const now = clock();
    const overdue = await db.execute<{
      account_id: string;
      instance_id: string;
      step_row_id: string;
      attempt: number;
    }>(
      sql`select * from app.overdue_workflow_steps(${now.toISOString()}::timestamptz, ${defaultTimeout},
            ${options.overdueGraceSeconds ?? 30}, ${options.sweepBatch ?? 200})`,
    );
    for (const s of overdue) {
      try {
        await handleOverdueStep(
          db,
          {
            accountId: s.account_id,
            instanceId: s.instance_id,
            stepRowId: s.step_row_id,
            attempt: s.attempt,
            now,
          },
          engine,
        );
      } catch (error) {
        // One step's trouble does not hold back the others; it is found again next sweep.
        logger.error({ err: error, step: s }, "overdue workflow step not handled");
      }
    }
    return overdue.length;
  };
  const poller = startPoller(deps.workflows.pollMs, sweep, logger, "overdue workflow steps");
  return { engine, sweep, stop: poller.stop };
}
