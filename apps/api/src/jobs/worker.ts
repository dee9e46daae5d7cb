// The job worker: pg-boss queues and their schedules. Runs in the API process by default, or alone
// (`--worker`) when scaled out. pg-boss's own schema is installed by the migrate command.
import type { Database } from "@markettina/db";
import {
  expireTokens,
  maintainPartitions,
  type PaymentGateway,
  purgeIdempotencyKeys,
  releaseExpiredReservations,
  requestAutoRecharges,
} from "@markettina/domain";
import { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";

export const QUEUES = {
  maintainPartitions: "platform.maintain-partitions",
  purgeIdempotencyKeys: "platform.purge-idempotency-keys",
  releaseExpiredReservations: "billing.release-expired-reservations",
  expireTokens: "billing.expire-tokens",
  autoRecharge: "billing.auto-recharge",
} as const;

export interface Worker {
  boss: PgBoss;
  stop: () => Promise<void>;
}

export async function startWorker(deps: {
  appUrl: string;
  db: Database;
  logger: Logger;
  paymentGateway?: PaymentGateway;
}): Promise<Worker> {
  const boss = new PgBoss({
    connectionString: deps.appUrl,
    schema: "pgboss",
    migrate: false,
    createSchema: false,
  });
  boss.on("error", (error) => deps.logger.error({ err: error }, "pg-boss error"));
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue);

  await boss.work(QUEUES.maintainPartitions, async () => {
    const created = await maintainPartitions(deps.db, 3);
    deps.logger.info({ created }, "domain_events partitions checked");
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

  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
