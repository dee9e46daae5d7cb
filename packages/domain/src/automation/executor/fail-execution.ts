// The last resort for a step that cannot run at all (its job failed on every retry: a bug, a
// corrupt row): the execution stops as `failed`, visibly, instead of being retried forever by the
// dispatcher. Only if it is still at the step the job was for.
import { type Database, schema, type TenantScope, uuidv7, withTenant } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { bumpManyNodeStats, type NodeStatDeltas } from "./node-stats.ts";

export async function failExecution(
  db: Database,
  job: { accountId: string; executionId: string; seq: number; now: Date; error: string },
): Promise<boolean> {
  const scope: TenantScope = {
    accountId: job.accountId,
    accountIds: [job.accountId],
    userId: null,
    apiKeyId: null,
  };
  return withTenant(db, scope, async (tx) => {
    const e = schema.journeyExecutions;
    const [execution] = await tx
      .select()
      .from(e)
      .where(and(eq(e.accountId, job.accountId), eq(e.id, job.executionId)))
      .for("update");
    if (!execution || execution.stepSeq !== job.seq) return false;
    if (execution.status !== "active" && execution.status !== "waiting") return false;
    const error = job.error.slice(0, 2_000);
    await tx
      .update(e)
      .set({
        status: "failed",
        stepSeq: job.seq + 1,
        nextRunAt: null,
        exitReason: "error",
        completedAt: job.now,
        updatedAt: job.now,
      })
      .where(and(eq(e.accountId, job.accountId), eq(e.id, execution.id)));
    await tx.insert(schema.journeySteps).values({
      id: uuidv7(),
      accountId: job.accountId,
      executionId: execution.id,
      seq: job.seq,
      nodeId: execution.currentNodeId,
      nodeKind: "unknown",
      outcome: "errored",
      error,
      startedAt: job.now,
      finishedAt: job.now,
    });
    await tx.insert(schema.marketingEvents).values({
      id: uuidv7(),
      accountId: job.accountId,
      contactId: execution.contactId,
      type: "journey_exited",
      journeyId: execution.journeyId,
      payload: { executionId: execution.id, nodeId: execution.currentNodeId, reason: "error", error },
      occurredAt: job.now,
    });
    const deltas: NodeStatDeltas = { errored: 1, ...(execution.status === "waiting" ? { waiting: -1 } : {}) };
    await bumpManyNodeStats(
      tx,
      job.accountId,
      execution.journeyId,
      new Map([[execution.currentNodeId, deltas]]),
    );
    return true;
  });
}
