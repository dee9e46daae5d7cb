// The job worker: pg-boss queues and their schedules. Runs in the API process by default, or alone
// (`--worker`) when scaled out. pg-boss's own schema is installed by the migrate command.
import type { Database } from "@markettina/db";
import {
  type Connectors,
  expireTokens,
  maintainPartitions,
  type PaymentGateway,
  type PublishOptions,
  purgeIdempotencyKeys,
  releaseExpiredReservations,
  requestAutoRecharges,
} from "@markettina/domain";
import { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";
import { PUBLISH_QUEUE, type Publishing, startPublishing } from "./publish-posts.ts";

export const QUEUES = {
  maintainPartitions: "platform.maintain-partitions",
  purgeIdempotencyKeys: "platform.purge-idempotency-keys",
  releaseExpiredReservations: "billing.release-expired-reservations",
  expireTokens: "billing.expire-tokens",
  autoRecharge: "billing.auto-recharge",
  publishPost: PUBLISH_QUEUE,
} as const;

export interface Worker {
  boss: PgBoss;
  publishing: Publishing;
  stop: () => Promise<void>;
}

export async function startWorker(deps: {
  appUrl: string;
  db: Database;
  logger: Logger;
  paymentGateway?: PaymentGateway;
  /** Where posts go, by connector kind (built by the app: SMTP needs SMTP_URL). */
  connectors: Connectors;
  /** How often due posts are looked for (PUBLISH_POLL_MS). */
  publishPollMs: number;
  publishOptions?: PublishOptions;
}): Promise<Worker> {
  const boss = new PgBoss({
    connectionString: deps.appUrl,
    schema: "pgboss",
    migrate: false,
    createSchema: false,
  });
  boss.on("error", (error) => deps.logger.error({ err: error }, "pg-boss error"));
  await boss.start();
  // The publishing queue is created with its own policy by startPublishing.
  for (const queue of Object.values(QUEUES)) if (queue !== QUEUES.publishPost) await boss.createQueue(queue);

  await boss.work(QUEUES.maintainPartitions, async () => {
    const created = await maintainPartitions(deps.db, 3);
    deps.logger.info({ created }, "monthly partitions checked");
    return { created };
  });
  await boss.work(QUEUES.purgeIdempotencyKeys, async () => {
    const purged = await purgeIdempotencyKeys(deps.db);
    if (purged > 0) deps.logger.info({ purged }, "expired idempotency keys purged");
    return { purged };
  });
  await boss.work(QUEUES.releaseExpiredReservations, async () => {
    const wallets = await releaseExpiredReservations(deps.db);
    if (wallets > 0) deps.logger.info({ wallets }, "expired token reservations released");
    return { wallets };
  });
  await boss.work(QUEUES.expireTokens, async () => {
    const expired = await expireTokens(deps.db);
    if (expired > 0) deps.logger.info({ expired }, "expired bonus tokens written off");
    return { expired };
  });
  await boss.work(QUEUES.autoRecharge, async () => {
    const outcomes = await requestAutoRecharges(deps.db, deps.paymentGateway);
    for (const o of outcomes) {
      if (o.error) deps.logger.warn(o, "auto-recharge purchase refused");
      else if (o.invoiceId) deps.logger.info(o, "auto-recharge purchase issued");
    }
    return { issued: outcomes.filter((o) => o.invoiceId).length };
  });

  await boss.schedule(QUEUES.maintainPartitions, "17 3 * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.purgeIdempotencyKeys, "*/15 * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.releaseExpiredReservations, "* * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.expireTokens, "7 * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.autoRecharge, "* * * * *", null, { tz: "UTC" });
  // Partitions are checked at every start too, so a new installation never waits for 03:17.
  await boss.send(QUEUES.maintainPartitions, null, { singletonKey: "startup" });

  const publishing = await startPublishing({
    boss,
    db: deps.db,
    logger: deps.logger,
    connectors: deps.connectors,
    pollMs: deps.publishPollMs,
    options: deps.publishOptions,
  });

  return {
    boss,
    publishing,
    stop: async () => {
      // The dispatcher first, so no job is sent to a stopping pg-boss.
      await publishing.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
