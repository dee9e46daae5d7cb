// The periodic full refresh of dynamic segments: job `automation.refresh-segments`, scheduled
// every 5 minutes. Incremental refreshes keep segments current as contacts change; this pass
// catches what no change announces (an event leaving a "last 7 days" window, a birthday becoming
// today) and repairs any drift. Each segment is refreshed in its own transaction in its tenant's
// scope (refreshDynamicSegments), under its advisory lock, so an overlapping run (a slow pass, two
// workers) waits and then finds nothing to change. The queue's `exclusive` policy keeps one job
// queued or running at a time, so slow passes do not pile up.
import type { Database } from "@markettina/db";
import { refreshDynamicSegments } from "@markettina/domain";
import type { PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";

export const REFRESH_SEGMENTS_QUEUE = "automation.refresh-segments";
export const REFRESH_SEGMENTS_CRON = "*/5 * * * *";

export async function startSegmentRefresh(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
}): Promise<void> {
  const { boss, db, logger } = deps;
  await boss.createQueue(REFRESH_SEGMENTS_QUEUE, {
    policy: "exclusive",
    retryLimit: 0,
    expireInSeconds: 3_600,
  });
  await boss.work(REFRESH_SEGMENTS_QUEUE, async () => {
    const outcomes = await refreshDynamicSegments(db);
    let entered = 0;
    let exited = 0;
    for (const o of outcomes) {
      if (o.error) logger.error(o, "segment refresh failed");
      entered += o.result?.entered.length ?? 0;
      exited += o.result?.exited ?? 0;
    }
    const failed = outcomes.filter((o) => o.error).length;
    logger.info({ segments: outcomes.length, failed, entered, exited }, "dynamic segments refreshed");
    return { segments: outcomes.length, failed, entered, exited };
  });
  await boss.schedule(REFRESH_SEGMENTS_QUEUE, REFRESH_SEGMENTS_CRON, null, { tz: "UTC" });
}
