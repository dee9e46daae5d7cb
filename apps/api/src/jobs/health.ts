// The database health sampler: job `health.sample` every minute writes one row of headline figures
// to health_samples (the trend charts of the health page) and purges samples older than a week
// (recordHealthSample). The queue's `exclusive` policy keeps one sample queued or running at a
// time, so a slow database does not pile samples up; a failed sample is not retried (the next
// minute's is the retry).
import type { Database } from "@markettina/db";
import { type HealthDeps, recordHealthSample } from "@markettina/domain";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";

export const HEALTH_SAMPLE_QUEUE = "health.sample";
export const HEALTH_SAMPLE_CRON = "* * * * *";

export async function startHealthSampler(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  health: HealthDeps;
}): Promise<void> {
  const { boss, db, logger, health } = deps;
  await boss.createQueue(HEALTH_SAMPLE_QUEUE, {
    policy: "exclusive",
    retryLimit: 0,
    expireInSeconds: 300,
    deleteAfterSeconds: 3_600,
  });
  // Logged when the status changes, not every minute while it stays degraded.
  let lastStatus: string | null = null;
  await boss.work(HEALTH_SAMPLE_QUEUE, async () => {
    const { status, purged } = await recordHealthSample(db, health);
    if (status !== lastStatus) {
      if (status === "healthy") logger.info({ status }, "database health sampled");
      else logger.warn({ status }, "database health sampled: see the admin's Database health page");
      lastStatus = status;
    }
    if (purged > 0) logger.info({ purged }, "old health samples purged");
    return { status, purged };
  });
  await boss.schedule(HEALTH_SAMPLE_QUEUE, HEALTH_SAMPLE_CRON, null, { tz: "UTC" });
  // A sample at start too, so the charts have a point at once. The key and the minute slot make
  // it one per minute however many workers start together.
  await boss.send(HEALTH_SAMPLE_QUEUE, null, { singletonKey: "startup", singletonSeconds: 60 });
}
