// Publishing on the job queue. A dispatcher in the worker looks for due posts every
// PUBLISH_POLL_MS (app.due_posts: scheduled and past their time or backoff, or stuck past the
// lease) and sends one `content.publish-post` job per post; the job runs publishPost, which claims
// the post in the database before delivering it, so a post goes out at most once however many
// jobs name it.
//
// The queue's policy is `exclusive` with the post id as singletonKey: while a job for a post is
// queued or running, sending another for it is a no-op (pg-boss inserts with ON CONFLICT DO
// NOTHING), so a slow delivery does not pile up a job per poll. pg-boss does not retry these jobs
// (retryLimit 0): retries are the post's own (attempts, next_attempt_at), and a job that died
// mid-way leaves its post claimed until the lease ends, when the dispatcher finds it again.
import type { Database } from "@markettina/db";
import {
  type Connectors,
  PUBLISH_LEASE_SECONDS,
  type PublishJob,
  type PublishOptions,
  publishPost,
} from "@markettina/domain";
import { sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";

export const PUBLISH_QUEUE = "content.publish-post";

/** Due posts handed out per poll; the rest wait for the next one. */
const BATCH = 100;

export interface PublishingDeps {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  connectors: Connectors;
  pollMs: number;
  options?: PublishOptions;
}

export interface Publishing {
  /** One dispatcher round: sends a job per due post; answers how many were new. */
  dispatch: () => Promise<number>;
  /** Stops the dispatcher (the jobs stop with pg-boss). */
  stop: () => Promise<void>;
}

export async function startPublishing(deps: PublishingDeps): Promise<Publishing> {
  const { boss, db, logger } = deps;
  await boss.createQueue(PUBLISH_QUEUE, {
    policy: "exclusive",
    retryLimit: 0,
    // A job is never expired while its claim still holds.
    expireInSeconds: PUBLISH_LEASE_SECONDS,
    deleteAfterSeconds: 86_400,
  });
  await boss.work<PublishJob>(
    PUBLISH_QUEUE,
    { localConcurrency: 4, pollingIntervalSeconds: 1 },
    async ([job]) => {
      const outcome = await publishPost(db, deps.connectors, job!.data, deps.options);
      if (outcome.status === "published") logger.info(outcome, "post published");
      else if (outcome.status === "retrying") logger.warn(outcome, "post publishing failed, will retry");
      else if (outcome.status === "failed") logger.error(outcome, "post publishing failed");
      else if (outcome.status === "lost-claim") logger.error(outcome, "post publishing outlived its claim");
      return outcome;
    },
  );

  const dispatch = async (): Promise<number> => {
    const due = await db.execute<{ account_id: string; post_id: string }>(
      sql`select account_id, post_id from app.due_posts(${BATCH}, ${PUBLISH_LEASE_SECONDS})`,
    );
    if (due.length === 0) return 0;
    const ids = await boss.insert(
      PUBLISH_QUEUE,
      due.map((p) => ({ data: { accountId: p.account_id, postId: p.post_id }, singletonKey: p.post_id })),
    );
    return ids?.length ?? 0;
  };

  // A chain of timeouts rather than an interval: a slow round never overlaps the next one.
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = dispatch()
      .then((sent) => {
        if (sent > 0) logger.debug({ sent }, "due posts dispatched");
      })
      .catch((error: unknown) => logger.error({ err: error }, "due posts dispatch failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, deps.pollMs);
      });
  };
  tick();

  return {
    dispatch,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
