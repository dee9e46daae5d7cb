// Marketing messages on the job queue. A dispatcher looks for due messages every MESSAGE_POLL_MS
// (app.due_messages: queued and past their time or backoff, or claimed by a sender longer ago than
// the lease) and sends one `automation.send-message` job per message; journey steps also hand their
// new messages over at once (enqueue), so a message does not wait for the next poll. The job runs
// sendMessage, which claims the message in the database before sending it, so a message goes out
// at most once per claim however many jobs name it. The jobs a worker fetches together are sent
// together (sendMessages: one claim and one record transaction per account for the batch).
//
// Policy `exclusive` with the message id as singletonKey: while a job for a message is queued or
// running, sending another is a no-op. No pg-boss retries (retryLimit 0): retries are the
// message's own (attempts, scheduled_at backoff). A job whose worker died stays `active` until it
// expires (expireInSeconds = the claim lease), then the dispatcher finds its message again.
import type { Database } from "@markettina/db";
import {
  dueMessages,
  MESSAGE_LEASE_SECONDS,
  type MessageProviders,
  type SendJob,
  type SendOptions,
  sendMessages,
} from "@markettina/domain";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";

export const SEND_MESSAGE_QUEUE = "automation.send-message";

export interface MessageQueueOptions extends SendOptions {
  /** Due messages handed out per poll (default 1,000). */
  batch?: number;
  /** Workers on this process, and jobs each fetches at once (defaults 2 and 10); each worker
   * hands sendConcurrency (5) messages to providers at once: 10 in all, the SMTP pool's size. */
  concurrency?: number;
  fetchSize?: number;
}

export interface Messaging {
  /** One dispatcher round: a job per due message; answers how many were new. */
  dispatch: () => Promise<number>;
  /** Hands messages to the sender now (journey steps that just queued them). */
  enqueue: (jobs: readonly SendJob[]) => Promise<void>;
  stop: () => Promise<void>;
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
  const queueOptions = { retryLimit: 0, expireInSeconds: lease, deleteAfterSeconds: 3_600 };
  await boss.createQueue(SEND_MESSAGE_QUEUE, { policy: "exclusive", notify: true, ...queueOptions });
  await boss.updateQueue(SEND_MESSAGE_QUEUE, { notify: true, ...queueOptions });
  await boss.work<SendJob>(
    SEND_MESSAGE_QUEUE,
    {
      localConcurrency: options.concurrency ?? 2,
      batchSize: options.fetchSize ?? 10,
      pollingIntervalSeconds: 0.5,
      // Inserts wake the workers (notify); this poll is for what no insert announces: retries
      // coming due after their backoff, jobs of a killed worker that expired.
      notifyPollingIntervalSeconds: 1,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    async (jobs) => {
      const byAccount = new Map<string, typeof jobs>();
      for (const job of jobs)
        byAccount.set(job.data.accountId, [...(byAccount.get(job.data.accountId) ?? []), job]);
      const sendOptions = { ...options, leaseSeconds: lease, clock };
      const results = await Promise.all(
        [...byAccount.entries()].map(async ([accountId, group]) => {
          try {
            const outcomes = await sendMessages(
              db,
              deps.providers,
              accountId,
              group.map((j) => j.data.messageId),
              sendOptions,
            );
            return group.map((job) => {
              const outcome = outcomes.get(job.data.messageId)!;
              if (outcome.status === "retrying") logger.warn(outcome, "message send failed, will retry");
              else if (outcome.status === "failed") logger.error(outcome, "message send failed");
              else if (outcome.status === "lost-claim")
                logger.error(outcome, "message send outlived its claim");
              else if (outcome.status === "deferred")
                logger.warn(outcome, "message send deferred to its lease");
              return { id: job.id, status: "completed" as const, output: outcome };
            });
          } catch (error) {
            // Nothing recorded for these (the claim or the record rolled back): the messages are
            // due again (queued, or claimed until the lease ends) and the dispatcher finds them.
            logger.error({ err: error, accountId, messages: group.length }, "message job failed");
            return group.map((job) => ({
              id: job.id,
              status: "failed" as const,
              output: { message: (error as Error).message },
            }));
          }
        }),
      );
      return results.flat();
    },
  );

  // In key order: the dispatcher and the journey steps may insert the same keys at once, and
  // unique-index inserts taken in different orders can deadlock.
  const insert = async (jobs: readonly SendJob[]) => {
    if (jobs.length === 0) return 0;
    const sorted = [...jobs].sort((a, b) =>
      a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0,
    );
    const ids = await boss.insert(
      SEND_MESSAGE_QUEUE,
      sorted.map((data) => ({ data, singletonKey: data.messageId })),
    );
    return ids?.length ?? 0;
  };
  const enqueue = async (jobs: readonly SendJob[]) => {
    await insert(jobs);
  };
  const dispatch = async (): Promise<number> =>
    insert(await dueMessages(db, { now: clock(), limit: options.batch ?? 1_000, leaseSeconds: lease }));
  const poller = startPoller(deps.pollMs, dispatch, logger, "due messages");
  return { dispatch, enqueue, stop: poller.stop };
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
