// Journey executions on the job queue. A job names up to STEPS_PER_JOB executions of one account,
// each with the step it was sent for, and runs them together: advanceExecutions, one tenant
// transaction, so what a step reads or writes is one statement for all of them. The steps write
// the jobs for what they leave for right away (the next step after a wait of 0, the messages they
// queued) in that same transaction (executorQueue: pg-boss on the step's connection), so those jobs
// exist if and only if the steps commit. A dispatcher looks every JOURNEY_POLL_MS for the rest
// (app.take_due_journey_executions: waits that ended, resumed journeys, new enrolments, jobs lost
// for good) and sends jobs for them in the transaction that stamps them as dispatched, so an
// execution is not handed out twice while its job is on its way.
//
// Run-once is the database's (advance-execution.ts: row lock + step number): a job that runs
// twice, or names a step that has run, does nothing the second time. pg-boss retries a failed job
// with backoff (the steps rolled back, nothing happened). When a job of several executions fails,
// each runs alone, and those that fail alone get a job of their own; a job of one execution that
// fails its last retry fails the execution (failExecution) rather than retrying it for ever. A job
// whose worker was killed expires after expireInSeconds and is retried: keep it short (a step is a
// short transaction; only generate_content waits on an AI provider, bounded by AI_TIMEOUT_MS).
import type { Database, Transaction } from "@markettina/db";
import {
  type AdvanceOutcome,
  advanceExecution,
  advanceExecutions,
  type ExecutorDeps,
  type ExecutorQueue,
  failExecution,
  JOURNEY_DISPATCH_LEASE_SECONDS,
  takeDueJourneyExecutions,
} from "@markettina/domain";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";
import { txDatabase } from "../messaging/journey-webhooks.ts";
import { insertSendJobs, startPoller } from "./messages.ts";

export const JOURNEY_STEPS_QUEUE = "automation.journey-steps";
/** Executions one job names (one tenant transaction). */
export const STEPS_PER_JOB = 100;

export interface JourneyStepsJob {
  accountId: string;
  executions: { executionId: string; seq: number }[];
}

export interface JourneyQueueOptions {
  /** Due executions handed out per poll (default 1,000). */
  batch?: number;
  /** Workers on this process (default 2), and jobs each fetches at a time and runs one after the
   * other (default 2: a worker whose fetch came back full fetches again at once instead of
   * waiting for its poll, which pg-boss does not do for fetches of one). */
  concurrency?: number;
  fetchSize?: number;
  /** Seconds before a running job counts as lost and is retried (default 30). */
  expireInSeconds?: number;
  /** pg-boss retries of a failed step before the execution is failed (default 3). */
  retryLimit?: number;
  /** Seconds a job may take to reach a worker before its executions are handed out again. */
  dispatchLeaseSeconds?: number;
  clock?: () => Date;
}

export interface Journeys {
  /** One dispatcher round: jobs for the due executions; answers how many were taken. */
  dispatch: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Jobs for these executions, STEPS_PER_JOB of one account to a job, written in `tx`. */
async function insertStepJobs(
  boss: PgBoss,
  items: readonly { accountId: string; executionId: string; seq: number }[],
  tx: Transaction,
  startAfter?: number,
): Promise<void> {
  const byAccount = new Map<string, JourneyStepsJob["executions"]>();
  for (const { accountId, executionId, seq } of items)
    byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), { executionId, seq }]);
  const rows: { data: JourneyStepsJob; startAfter?: number }[] = [];
  for (const [accountId, executions] of byAccount)
    for (let i = 0; i < executions.length; i += STEPS_PER_JOB)
      rows.push({ data: { accountId, executions: executions.slice(i, i + STEPS_PER_JOB) }, startAfter });
  if (rows.length > 0) await boss.insert(JOURNEY_STEPS_QUEUE, rows, { db: txDatabase(tx) });
}

/** The executor's queue port: the jobs for what a step leaves for right away, in its transaction. */
export function executorQueue(boss: PgBoss): ExecutorQueue {
  return {
    async enqueue(tx, accountId, work) {
      await insertStepJobs(
        boss,
        work.executions.map((e) => ({ accountId, ...e })),
        tx,
      );
      await insertSendJobs(
        boss,
        work.messageIds.map((messageId) => ({ accountId, messageId })),
        tx,
      );
    },
  };
}

export async function startJourneys(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  /** With `queue` (executorQueue) for the continuations. */
  executor: ExecutorDeps;
  pollMs: number;
  options?: JourneyQueueOptions;
}): Promise<Journeys> {
  const { boss, db, logger } = deps;
  const options = deps.options ?? {};
  const clock = options.clock ?? (() => new Date());
  const retryLimit = options.retryLimit ?? 3;
  const queueOptions = {
    retryLimit,
    retryBackoff: true,
    retryDelay: 1,
    retryDelayMax: 60,
    expireInSeconds: options.expireInSeconds ?? 30,
    deleteAfterSeconds: 3_600,
  };
  await boss.createQueue(JOURNEY_STEPS_QUEUE, { notify: true, ...queueOptions });
  await boss.updateQueue(JOURNEY_STEPS_QUEUE, { notify: true, ...queueOptions });

  type StepsJob = { id: string; data: JourneyStepsJob; retryCount: number };
  type Result = { id: string; status: "completed" | "failed"; output: unknown };

  /** A job of one execution: a failure is retried by pg-boss, and fails the execution at last. */
  const runSolo = async (job: StepsJob, now: Date): Promise<Result> => {
    const { accountId } = job.data;
    const { executionId, seq } = job.data.executions[0]!;
    try {
      const outcome = await advanceExecution(db, { accountId, executionId, seq, now }, deps.executor);
      return { id: job.id, status: "completed", output: summary(outcome) };
    } catch (error) {
      if (job.retryCount >= retryLimit) {
        // The last attempt: stop this contact visibly instead of retrying it for ever.
        const failed = await failExecution(db, {
          accountId,
          executionId,
          seq,
          now,
          error: (error as Error).message,
        }).catch(() => false);
        logger.error({ err: error, job: job.data, failed }, "journey step failed for good");
        return { id: job.id, status: "completed", output: { failed: true } };
      }
      logger.warn(
        { err: error, job: job.data, retryCount: job.retryCount },
        "journey step failed, will retry",
      );
      return { id: job.id, status: "failed", output: { message: (error as Error).message } };
    }
  };

  /** A job of several executions, in one transaction; if that fails, each alone, and those that
   * fail alone get a job of their own (retried, and failed at last, as runSolo does). */
  const runBatch = async (job: StepsJob, now: Date): Promise<Result> => {
    const { accountId, executions } = job.data;
    try {
      const outcomes = await advanceExecutions(db, accountId, executions, now, deps.executor);
      return { id: job.id, status: "completed", output: tally(outcomes.values()) };
    } catch (error) {
      logger.warn(
        { err: error, executions: executions.length },
        "journey step job failed, running its steps one by one",
      );
    }
    const failed: JourneyStepsJob["executions"] = [];
    const outcomes: AdvanceOutcome[] = [];
    for (const e of executions) {
      try {
        outcomes.push(await advanceExecution(db, { accountId, ...e, now }, deps.executor));
      } catch {
        failed.push(e);
      }
    }
    if (failed.length > 0) {
      try {
        await db.transaction((tx) =>
          insertStepJobs(
            boss,
            failed.map((e) => ({ accountId, ...e })),
            tx,
            1,
          ),
        );
      } catch (error) {
        // Not even that: retry the whole job (the steps that ran are skipped as run).
        return { id: job.id, status: "failed", output: { message: (error as Error).message } };
      }
    }
    return { id: job.id, status: "completed", output: { ...tally(outcomes), retriedAlone: failed.length } };
  };

  await boss.work<JourneyStepsJob>(
    JOURNEY_STEPS_QUEUE,
    {
      localConcurrency: options.concurrency ?? 2,
      batchSize: options.fetchSize ?? 2,
      pollingIntervalSeconds: 0.5,
      // Inserts wake the workers (notify); this poll is for what no insert announces: retries
      // coming due after their backoff, jobs of a killed worker that expired.
      notifyPollingIntervalSeconds: 1,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    async (jobs) => {
      const results: Result[] = [];
      for (const job of jobs) {
        const now = clock();
        results.push(await (job.data.executions.length === 1 ? runSolo(job, now) : runBatch(job, now)));
      }
      return results;
    },
  );

  const dispatch = (): Promise<number> =>
    db.transaction(async (tx) => {
      const due = await takeDueJourneyExecutions(tx, {
        now: clock(),
        limit: options.batch ?? 1_000,
        leaseSeconds: options.dispatchLeaseSeconds ?? JOURNEY_DISPATCH_LEASE_SECONDS,
      });
      await insertStepJobs(boss, due, tx);
      return due.length;
    });
  const poller = startPoller(deps.pollMs, dispatch, logger, "due journey steps");
  return { dispatch, stop: poller.stop };
}

/** How many executions of a job ended each way (the job's output). */
function tally(outcomes: Iterable<AdvanceOutcome>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status === "skipped" ? `skipped_${o.reason}` : o.executionStatus;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const summary = (o: AdvanceOutcome) =>
  o.status === "skipped" ? { skipped: o.reason } : { status: o.executionStatus, seq: o.seq, steps: o.steps };
