// The saga: a step failed for good, so the instance undoes what its completed steps did. Pending
// steps are cancelled (nothing new starts), one workflow_compensations row is written per
// completed step whose definition has a compensation, position 1 = the step that completed LAST,
// and the instance becomes `compensating`. Compensations run one at a time through the same job
// queue: a compensation's job names the compensated step's row with attempt 0 (attempts of a step
// start at 1, so the two never mix); each finished compensation enqueues the next, the last one
// fails the instance. A compensation runs once (no retries): a failed one is recorded and the saga
// carries on, since leaving the others undone would be worse. With nothing to compensate the
// instance fails at once.
import { schema, type Transaction } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { appendEvent } from "./append-event.ts";
import { completeChildWorkflow } from "./complete-child-workflow.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import {
  definitionStep,
  type InstanceRow,
  loadInstanceDefinition,
  loadSteps,
  type StepRow,
} from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";

export type CompensationRow = typeof schema.workflowCompensations.$inferSelect;

export async function beginCompensation(
  ctx: OperationContext,
  instance: InstanceRow,
  failed: StepRow,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<InstanceRow> {
  const { tx } = ctx;
  const s = schema.workflowSteps;
  await tx
    .update(s)
    .set({ status: "cancelled", nextRunAt: null, updatedAt: now })
    .where(and(eq(s.accountId, instance.accountId), eq(s.instanceId, instance.id), eq(s.status, "pending")));
  const error = { stepId: failed.stepId, ...(failed.error ?? {}) };
  const definition = await loadInstanceDefinition(tx, instance);
  const toUndo = (await loadSteps(tx, instance))
    .filter((st) => st.status === "completed" && definitionStep(definition, st.stepId)?.compensation)
    .sort((a, b) => (b.completionOrder ?? 0) - (a.completionOrder ?? 0));
  if (toUndo.length === 0) return failInstance(ctx, instance, error, deps, now);

  for (const [index, st] of toUndo.entries()) {
    const compensation = definitionStep(definition, st.stepId)!.compensation!;
    await upsertPendingCompensation(tx, instance, st.stepId, compensation, index + 1, now);
  }
  const after = await appendEvent(
    tx,
    instance,
    {
      type: "instance_compensating",
      stepId: failed.stepId,
      actor: "worker",
      at: now,
      data: { error, compensations: toUndo.map((st) => st.stepId) },
    },
    deps,
    { status: "compensating", error },
  );
  await enqueueSteps(tx, after, [{ stepRowId: toUndo[0]!.id, attempt: 0 }], deps);
  return after;
}

/**
 * A step that completes while its instance compensates (a parallel branch that was running when
 * another failed) is undone as well, before the compensations still pending: it completed last.
 * The instance lock is held and a compensation is pending or running, so the saga picks it up.
 */
export async function addLateCompensation(
  tx: OperationContext["tx"],
  instance: InstanceRow,
  step: StepRow,
  compensation: { type: string; parameters: Record<string, unknown> },
  deps: WorkflowEngineDeps,
): Promise<void> {
  const stepId = step.stepId;
  const c = schema.workflowCompensations;
  const ofInstance = and(eq(c.accountId, instance.accountId), eq(c.instanceId, instance.id));
  const [first] = await tx
    .select({ position: sql<number>`min(${c.position})` })
    .from(c)
    .where(and(ofInstance, eq(c.status, "pending")));
  const [last] = await tx
    .select({ position: sql<number>`max(${c.position})` })
    .from(c)
    .where(ofInstance);
  const position = first?.position ?? (last?.position ?? 0) + 1;
  await tx
    .update(c)
    .set({ position: sql`${c.position} + 1` })
    .where(and(ofInstance, eq(c.status, "pending")));
  await upsertPendingCompensation(tx, instance, stepId, compensation, position);
  // With one running, its finish enqueues this one; otherwise the queued job names a compensation
  // that is no longer first (it will find that and do nothing): this one gets the job.
  const [running] = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(ofInstance, eq(c.status, "running")))
    .limit(1);
  if (!running) await enqueueSteps(tx, instance, [{ stepRowId: step.id, attempt: 0 }], deps);
}

export async function failInstance(
  ctx: OperationContext,
  instance: InstanceRow,
  error: Record<string, unknown>,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<InstanceRow> {
  const after = await appendEvent(
    ctx.tx,
    instance,
    {
      type: "instance_failed",
      stepId: (error.stepId as string | undefined) ?? null,
      actor: "worker",
      at: now,
      data: { error },
    },
    deps,
    { status: "failed", error, completedAt: now, estimatedCompletionAt: null },
  );
  await completeChildWorkflow(ctx, after, deps, now);
  return after;
}

/** A compensation to run at `position`, pending again if the step was compensated before (a
 * retried instance keeps its earlier compensation rows as history until then). */
async function upsertPendingCompensation(
  tx: Transaction,
  instance: { accountId: string; id: string },
  stepId: string,
  compensation: { type: string; parameters: Record<string, unknown> },
  position: number,
  /** Its created_at (default: the database's clock). */
  now?: Date,
): Promise<void> {
  const c = schema.workflowCompensations;
  const row = {
    type: compensation.type,
    position,
    status: "pending" as const,
    parameters: compensation.parameters,
    result: null,
    error: null,
    attempts: 0,
    startedAt: null,
    completedAt: null,
  };
  await tx
    .insert(c)
    .values({
      accountId: instance.accountId,
      instanceId: instance.id,
      stepId,
      ...(now ? { createdAt: now } : {}),
      ...row,
    })
    .onConflictDoUpdate({ target: [c.accountId, c.instanceId, c.stepId], set: row });
}
