// Retention: finished top-level instances that completed before `before` are deleted, with their
// steps, attempts, events, variables, snapshots, compensations and child instances
// (app.purge_workflow_instances, every tenant). In batches, each its own short transaction, so a
// large backlog never holds one long delete: repeated until a batch deletes nothing.
import type { Database } from "@markettina/db";
import { sql } from "drizzle-orm";

export async function purgeWorkflowInstances(
  db: Database,
  options: { before: Date; batch?: number; maxBatches?: number },
): Promise<number> {
  const batch = options.batch ?? 500;
  let total = 0;
  for (let i = 0; i < (options.maxBatches ?? 1_000); i++) {
    const [row] = await db.execute<{ purged: number }>(
      sql`select app.purge_workflow_instances(${options.before.toISOString()}::timestamptz, ${batch}) as purged`,
    );
    const purged = Number(row?.purged ?? 0);
    total += purged;
    if (purged === 0) break;
  }
  return total;
}
