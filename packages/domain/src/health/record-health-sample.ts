import { type Database, schema } from "@markettina/db";
import { sql } from "drizzle-orm";
import { longestQuerySeconds } from "./activity.ts";
import { collectHealthReport } from "./collect-health-report.ts";
import type { HealthDeps } from "./deps.ts";
import type { OverallStatus } from "./report.ts";

/** Samples are kept this long (the trend charts go back a week). */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** The worker's minute: one row in health_samples, and samples older than 7 days purged. The
 * worker has no principal: row-level security lets it append samples but not read or delete them
 * (app.purge_health_samples deletes on its behalf). */
export async function recordHealthSample(
  db: Database,
  deps: HealthDeps,
  now: Date = new Date(),
): Promise<{ status: OverallStatus; purged: number }> {
  const report = await collectHealthReport(db, deps, now);
  await db.insert(schema.healthSamples).values({
    sampledAt: now,
    status: report.status,
    roundTripMs: report.roundTripMs,
    connectionsTotal: report.connections.total,
    connectionsActive: report.connections.active,
    connectionsIdleInTransaction: report.connections.idleInTransaction,
    maxConnections: report.connections.max,
    databaseBytes: report.size.bytes,
    tableCacheHitRatio: report.cacheHit.tables,
    indexCacheHitRatio: report.cacheHit.indexes,
    // Ready and waiting, as the queue_backlog check counts them (deferred jobs are not a backlog).
    queueDepth: report.queues.reduce((sum, q) => sum + q.queued, 0),
    failedJobs: report.queues.reduce((sum, q) => sum + q.failedLastDay, 0),
    longestQuerySeconds: longestQuerySeconds(report.liveQueries),
    blockedQueries: new Set(report.blockedQueries.map((b) => b.blockedPid)).size,
    transactionIdAge: report.transactionIdAge,
    checks: Object.fromEntries(report.checks.map((c) => [c.key, c.status])),
  });
  const before = new Date(now.getTime() - KEEP_MS).toISOString();
  const [row] = await db.execute<{ purged: number }>(
    sql`select app.purge_health_samples(${before}::timestamptz) as purged`,
  );
  return { status: report.status, purged: row?.purged ?? 0 };
}
