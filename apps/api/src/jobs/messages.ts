// Marketing messages on the job queue. A job names up to MESSAGES_PER_JOB messages of one account:
// journey steps write the jobs for the messages they queue in their own transaction (journeys.ts,
// executorQueue), and a dispatcher looks every MESSAGE_POLL_MS for the rest (app.take_due_messages:
// messages past a retry's backoff, messages whose job was lost, messages claimed by a sender that
// died) and sends jobs for them in the transaction that stamps them as dispatched, so one message is
// not handed out twice while its job is on its way. The job runs sendMessages, which claims the
// messages in the database before sending them, so a message goes out at most once per claim
// however many jobs name it (one claim and one record transaction for the job's messages).
//
// A message's own retries are the message's (attempts, scheduled_at backoff). The job's pg-boss
// retries are for jobs that never got to their messages: a job whose worker died expires and is
// retried, and sendMessages claims only what is still due, so a retry sends nothing twice. A
// message claimed by a dead sender is due again after the claim lease; one whose job failed for
// good, after the dispatch lease.
import type { Database, Transaction } from "@markettina/db";
import {
  MESSAGE_DISPATCH_LEASE_SECONDS,
  MESSAGE_LEASE_SECONDS,
  type MessageProviders,
  type SendOptions,
  sendMessages,
  takeDueMessages,
} from "@markettina/domain";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";
import { txDatabase } from "../messaging/journey-webhooks.ts";

export const SEND_MESSAGES_QUEUE = "automation.send-messages";
/** Messages one job names (one claim and one record transaction). */
export const MESSAGES_PER_JOB = 100;

export interface SendMessagesJob {
  accountId: string;
  messageIds: string[];
}

export interface MessageQueueOptions extends SendOptions {
  /** Due messages handed out per poll (default 1,000). */
  batch?: number;
  /** Workers on this process (default 2), and jobs each fetches at a time and runs one after the
   * other (default 2, see journeys.ts); each job hands sendConcurrency (5) messages to providers at
   * once: 10 in all, the SMTP pool's size. */
  concurrency?: number;
  fetchSize?: number;
  /** Seconds a job may take to reach a sender before its messages are handed out again. */
  dispatchLeaseSeconds?: number;
}

export interface Messaging {
  /** One dispatcher round: jobs for the due messages; answers how many messages were taken. */
  dispatch: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Jobs for these messages, MESSAGES_PER_JOB of one account to a job, written in `tx`. */
export async function insertSendJobs(
  boss: PgBoss,
  jobs: readonly { accountId: string; messageId: string }[],
  tx: Transaction,
): Promise<void> {
  const byAccount = new Map<string, string[]>();
  for (const j of jobs) byAccount.set(j.accountId, [...(byAccount.get(j.accountId) ?? []), j.messageId]);
  const rows: { data: SendMessagesJob }[] = [];
  for (const [accountId, ids] of byAccount)
    for (let i = 0; i < ids.length; i += MESSAGES_PER_JOB)
      rows.push({ data: { accountId, messageIds: ids.slice(i, i + MESSAGES_PER_JOB) } });
  if (rows.length > 0) await boss.insert(SEND_MESSAGES_QUEUE, rows, { db: txDatabase(tx) });
}

export async function startMessaging(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  providers: MessageProviders;
  pollMs: number;
  options?: MessageQueueOptions;
}): Promise<Messaging> {
  const { boss, db, logger } = deps;
  const options = deps.options ?? {};
  const lease = options.leaseSeconds ?? MESSAGE_LEASE_SECONDS;
  const clock = options.clock ?? (() => new Date());
  const queueOptions = {
    retryLimit: 3,
    retryBackoff: true,
    retryDelay: 1,
    expireInSeconds: lease,
    deleteAfterSeconds: 3_600,
  };
  await boss.createQueue(SEND_MESSAGES_QUEUE, { notify: true, ...queueOptions });
  await boss.updateQueue(SEND_MESSAGES_QUEUE, { notify: true, ...queueOptions });
  const sendOptions = { ...options, leaseSeconds: lease, clock };
  const sendJob = async (job: { id: string; data: SendMessagesJob }) => {
    const { accountId, messageIds } = job.data;
    try {
      const outcomes = await sendMessages(db, deps.providers, accountId, messageIds, sendOptions);
      for (const outcome of outcomes.values()) {
        if (outcome.status === "retrying") logger.warn(outcome, "message send failed, will retry");
        else if (outcome.status === "failed") logger.error(outcome, "message send failed");
        else if (outcome.status === "lost-claim") logger.error(outcome, "message send outlived its claim");
        else if (outcome.status === "deferred") logger.warn(outcome, "message send deferred to its lease");
      }
      const counts: Record<string, number> = {};
      for (const o of outcomes.values()) counts[o.status] = (counts[o.status] ?? 0) + 1;
      return { id: job.id, status: "completed" as const, output: counts };
    } catch (error) {
      // Nothing recorded for these (the claim or the record rolled back): the messages are
      // due again after their leases and the dispatcher hands them out again.
      logger.error({ err: error, accountId, messages: messageIds.length }, "message job failed");
      return { id: job.id, status: "failed" as const, output: { message: (error as Error).message } };
    }
  };

  await boss.work<SendMessagesJob>(
    SEND_MESSAGES_QUEUE,
    {
      localConcurrency: options.concurrency ?? 2,
      batchSize: options.fetchSize ?? 2,
      pollingIntervalSeconds: 0.5,
      // Inserts wake the workers (notify); this poll is for what no insert announces.
      notifyPollingIntervalSeconds: 1,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    async (jobs) => {
      const results = [];
      for (const job of jobs) results.push(await sendJob(job));
      return results;
    },
  );
  const dispatch = (): Promise<number> =>
    db.transaction(async (tx) => {
      const due = await takeDueMessages(tx, {
        now: clock(),
        limit: options.batch ?? 1_000,
        leaseSeconds: lease,
        dispatchLeaseSeconds: options.dispatchLeaseSeconds ?? MESSAGE_DISPATCH_LEASE_SECONDS,
      });
      await insertSendJobs(boss, due, tx);
      return due.length;
    });
  const poller = startPoller(deps.pollMs, dispatch, logger, "due messages");
  return { dispatch, stop: poller.stop };
}

/** A chain of timeouts rather than an interval: a slow round never overlaps the next one. */
export function startPoller(
  pollMs: number,
  round: () => Promise<number>,
  logger: Logger,
  what: string,
): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = round()
      .then((sent) => {
        if (sent > 0) logger.debug({ sent }, `${what} dispatched`);
      })
      .catch((error: unknown) => logger.error({ err: error }, `${what} dispatch failed`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
