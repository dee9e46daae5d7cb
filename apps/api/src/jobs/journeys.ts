// Journey executions on the job queue. A dispatcher looks for due executions every JOURNEY_POLL_MS
// (app.due_journey_executions: active or waiting, next_run_at passed, journey active) and sends one
// `automation.journey-step` job per (execution, step): singletonKey `<execution>:<step_seq>`, policy
// `exclusive`, so while that step's job is queued or running another poll adds nothing. The job runs
// advanceExecutions, which locks the executions and does nothing for a step that has already run:
// a job that runs twice has its effect once. The jobs a worker fetches together (fetchSize) are
// run together, one transaction per account, so a step's reads and writes are shared statements;
// if that transaction fails, its jobs run one by one, so one bad execution holds back no other.
//
// When a step leaves its execution due at once (a wait of 0, a long chain cut at the per-job
// bound) the job sends the next step's job itself, and hands the messages it queued to the sender,
// without waiting for the next poll. The dispatcher stays the safety net: a worker killed between
// its commit and those sends leaves rows the next poll finds.
//
// pg-boss retries a failed job with backoff (the step rolled back, nothing happened); after the
// last retry the execution is failed (failExecution) rather than retried for ever. A job whose
// worker was killed expires after expireInSeconds and is retried: keep it short (a step is a
// short transaction; only generate_content waits on an AI provider, bounded by AI_TIMEOUT_MS).
import type { Database } from "@markettina/db";
import {
  type AdvanceOutcome,
  advanceExecution,
  advanceExecutions,
  dueJourneyExecutions,
  type ExecutorDeps,
  failExecution,
  type SendJob,
} from "@markettina/domain";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";
import { startPoller } from "./messages.ts";

export const JOURNEY_STEP_QUEUE = "automation.journey-step";

export interface JourneyStepJob {
  accountId: string;
  executionId: string;
  seq: number;
}

export interface JourneyQueueOptions {
  /** Due executions handed out per poll (default 1,000). */
  batch?: number;
  /** Workers on this process, and jobs each fetches at once (defaults 4 and 10). */
  concurrency?: number;
  fetchSize?: number;
  /** Seconds before a running job counts as lost and is retried (default 30). */
  expireInSeconds?: number;
  /** pg-boss retries of a failed step before the execution is failed (default 3). */
  retryLimit?: number;
  clock?: () => Date;
}

export interface Journeys {
  dispatch: () => Promise<number>;
  stop: () => Promise<void>;
}

export async function startJourneys(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  executor: ExecutorDeps;
  pollMs: number;
  options?: JourneyQueueOptions;
  /** Messages the steps queued, for the sender (default: left to its dispatcher). */
  onMessagesQueued?: (jobs: readonly SendJob[]) => Promise<void>;
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
  await boss.createQueue(JOURNEY_STEP_QUEUE, { policy: "exclusive", notify: true, ...queueOptions });
  await boss.updateQueue(JOURNEY_STEP_QUEUE, { notify: true, ...queueOptions });

  const sendSteps = async (jobs: readonly JourneyStepJob[]) => {
    if (jobs.length === 0) return 0;
    // In key order: the dispatcher and the continuations may insert the same keys at once, and
    // unique-index inserts taken in different orders can deadlock.
    const keyed = jobs.map((data) => ({ data, singletonKey: `${data.executionId}:${data.seq}` }));
    keyed.sort((a, b) => (a.singletonKey < b.singletonKey ? -1 : a.singletonKey > b.singletonKey ? 1 : 0));
    const ids = await boss.insert(JOURNEY_STEP_QUEUE, keyed);
    return ids?.length ?? 0;
  };

  type StepJob = { id: string; data: JourneyStepJob; retryCount: number };
  type StepResult = {
    id: string;
    status: "completed" | "failed";
    output: unknown;
    outcome: AdvanceOutcome | null;
  };

  /** One job alone (after its batch failed): a failure is retried, and failed for good at last. */
  const runAlone = async (job: StepJob, now: Date): Promise<StepResult> => {
    try {
      const outcome = await advanceExecution(db, { ...job.data, now }, deps.executor);
      return { id: job.id, status: "completed", output: summary(outcome), outcome };
    } catch (error) {
      if (job.retryCount >= retryLimit) {
        // The last attempt: stop this contact visibly instead of retrying it for ever.
        const failed = await failExecution(db, { ...job.data, now, error: (error as Error).message }).catch(
          () => false,
        );
        logger.error({ err: error, job: job.data, failed }, "journey step failed for good");
        return { id: job.id, status: "completed", output: { failed: true }, outcome: null };
      }
      logger.warn(
        { err: error, job: job.data, retryCount: job.retryCount },
        "journey step failed, will retry",
      );
      return { id: job.id, status: "failed", output: { message: (error as Error).message }, outcome: null };
    }
  };

  /** The jobs of one account in one transaction; if it fails, each job alone, so one execution
   * that cannot run does not hold back the others. */
  const runAccount = async (jobs: StepJob[], now: Date): Promise<StepResult[]> => {
    // Two jobs of one execution in a batch (a step and its successor): only the later step can
    // run; the earlier one has been run already, or is about to be by that later one's job.
    const latest = new Map<string, number>();
    for (const j of jobs)
      latest.set(j.data.executionId, Math.max(j.data.seq, latest.get(j.data.executionId) ?? -1));
    try {
      const outcomes = await advanceExecutions(
        db,
        jobs[0]!.data.accountId,
        [...latest].map(([executionId, seq]) => ({ executionId, seq })),
        now,
        deps.executor,
      );
      return jobs.map((j) => {
        const outcome: AdvanceOutcome =
          j.data.seq === latest.get(j.data.executionId)
            ? outcomes.get(j.data.executionId)!
            : { status: "skipped", reason: "stale" };
        return { id: j.id, status: "completed" as const, output: summary(outcome), outcome };
      });
    } catch (error) {
      if (jobs.length === 1) return [await runAlone(jobs[0]!, now)];
      logger.warn(
        { err: error, jobs: jobs.length },
        "journey step batch failed, running its jobs one by one",
      );
      const results: StepResult[] = [];
      for (const job of jobs) results.push(await runAlone(job, now));
      return results;
    }
  };

  await boss.work<JourneyStepJob>(
    JOURNEY_STEP_QUEUE,
    {
      localConcurrency: options.concurrency ?? 4,
      batchSize: options.fetchSize ?? 10,
      pollingIntervalSeconds: 0.5,
      // Inserts wake the workers (notify); this poll is for what no insert announces: retries
      // coming due after their backoff, jobs of a killed worker that expired.
      notifyPollingIntervalSeconds: 1,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    async (jobs) => {
      const now = clock();
      const byAccount = new Map<string, StepJob[]>();
      for (const job of jobs)
        byAccount.set(job.data.accountId, [...(byAccount.get(job.data.accountId) ?? []), job]);
      const results = (
        await Promise.all([...byAccount.values()].map((group) => runAccount(group, now)))
      ).flat();
      // Continuations: the next step of executions left due now, and the messages just queued.
      const next: JourneyStepJob[] = [];
      const messages: SendJob[] = [];
      for (const r of results) {
        const o = r.outcome;
        if (o?.status !== "advanced") continue;
        const data = jobs.find((j) => j.id === r.id)!.data;
        for (const messageId of o.messageIds) messages.push({ accountId: data.accountId, messageId });
        if (
          (o.executionStatus === "active" || o.executionStatus === "waiting") &&
          o.nextRunAt &&
          o.nextRunAt <= now
        ) {
          next.push({ accountId: data.accountId, executionId: data.executionId, seq: o.seq });
        }
      }
      try {
        await sendSteps(next);
        if (deps.onMessagesQueued) await deps.onMessagesQueued(messages);
      } catch (error) {
        // Only a shortcut: the dispatchers find these rows anyway.
        logger.warn({ err: error }, "journey continuations not sent (the dispatchers will find them)");
      }
      return results.map(({ id, status, output }) => ({ id, status, output }));
    },
  );

  const dispatch = async (): Promise<number> => {
    const due = await dueJourneyExecutions(db, { now: clock(), limit: options.batch ?? 1_000 });
    return sendSteps(due);
  };
  const poller = startPoller(deps.pollMs, dispatch, logger, "due journey steps");
  return { dispatch, stop: poller.stop };
}

const summary = (o: AdvanceOutcome) =>
  o.status === "skipped" ? { skipped: o.reason } : { status: o.executionStatus, seq: o.seq, steps: o.steps };
