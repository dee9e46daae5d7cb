// A compensation's job (attempt 0, naming the compensated step's row; see compensate-workflow.ts):
// claimed only if it is the next pending compensation of a compensating instance, run like a step
// (external handlers outside any transaction, transaction ones inside the finishing one), then
// recorded; the next one is enqueued, or the instance fails after the last.
import { schema } from "@markettina/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fillPlaceholders } from "../steps/index.ts";
import { appendEvent } from "./append-event.ts";
import { type CompensationRow, failInstance } from "./compensate-workflow.ts";
import type { StepOutcome, WorkflowEngineDeps } from "./engine-ports.ts";
import { type InstanceRow, jsonb, loadScope, type StepRow } from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";
import type { PreparedRun } from "./execute-handler.ts";
import type { RunStepResult } from "./run-step-result.ts";

/** The compensation a job (attempt 0) names, if it is the next to run: claimed, ready to run. */
export async function claimCompensation(
  ctx: OperationContext,
  instance: InstanceRow,
  step: StepRow,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<{ compensation: CompensationRow; run: PreparedRun } | null> {
  if (instance.status !== "compensating") return null;
  const { tx } = ctx;
  const c = schema.workflowCompensations;
  const [next] = await tx
    .select()
    .from(c)
    .where(and(eq(c.accountId, instance.accountId), eq(c.instanceId, instance.id), eq(c.status, "pending")))
    .orderBy(asc(c.position))
    .limit(1)
    .for("update");
  if (!next || next.stepId !== step.stepId) return null;
  const [compensation] = await tx
    .update(c)
    .set({ status: "running", attempts: sql`${c.attempts} + 1`, startedAt: now })
    .where(and(eq(c.accountId, next.accountId), eq(c.id, next.id)))
    .returning();
  const s = schema.workflowSteps;
  await tx
    .update(s)
    .set({ status: "compensating", updatedAt: now })
    .where(and(eq(s.accountId, step.accountId), eq(s.id, step.id)));
  await appendEvent(
    tx,
    instance,
    {
      type: "compensation_started",
      stepId: step.stepId,
      actor: "worker",
      at: now,
      data: { type: next.type, position: next.position },
    },
    deps,
  );
  const scope = await loadScope(tx, instance);
  return {
    compensation: compensation!,
    run: {
      accountId: instance.accountId,
      instanceId: instance.id,
      stepId: step.stepId,
      type: next.type,
      attempt: compensation!.attempts,
      parameters: fillPlaceholders(next.parameters, scope),
      scope,
      // Distinct from the step's own key: the undo is a different effect.
      idempotencyKey: `${instance.id}:${step.stepId}:compensation`,
      now,
    },
  };
}

/** Records a compensation's outcome (the caller checked it is still running), then the next one. */
export async function finishCompensation(
  ctx: OperationContext,
  instance: InstanceRow,
  step: StepRow,
  compensation: CompensationRow,
  outcome: StepOutcome,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<RunStepResult> {
  const { tx } = ctx;
  const ok = outcome.status === "completed";
  const error =
    outcome.status === "failed"
      ? { message: outcome.error.message, ...(outcome.error.code ? { code: outcome.error.code } : {}) }
      : outcome.status === "waiting"
        ? { message: "A compensation cannot wait.", code: "COMPENSATION_WAITED" }
        : null;
  const c = schema.workflowCompensations;
  await tx
    .update(c)
    .set({
      status: ok ? "completed" : "failed",
      result: ok ? jsonb(outcome.output) : null,
      error,
      completedAt: now,
    })
    .where(and(eq(c.accountId, compensation.accountId), eq(c.id, compensation.id)));
  const s = schema.workflowSteps;
  // Undone, or (its undo failed) still what it did: completed, with the failure on the compensation row.
  await tx
    .update(s)
    .set({ status: ok ? "compensated" : "completed", updatedAt: now })
    .where(and(eq(s.accountId, step.accountId), eq(s.id, step.id)));
  let after = await appendEvent(
    tx,
    instance,
    {
      type: ok ? "compensation_completed" : "compensation_failed",
      stepId: step.stepId,
      actor: "worker",
      at: now,
      data: { type: compensation.type, position: compensation.position, ...(error ? { error } : {}) },
    },
    deps,
  );
  const [next] = await tx
    .select({ stepId: c.stepId })
    .from(c)
    .where(and(eq(c.accountId, instance.accountId), eq(c.instanceId, instance.id), eq(c.status, "pending")))
    .orderBy(asc(c.position))
    .limit(1);
  if (next) {
    const [nextStep] = await tx
      .select({ id: s.id })
      .from(s)
      .where(
        and(eq(s.accountId, instance.accountId), eq(s.instanceId, instance.id), eq(s.stepId, next.stepId)),
      );
    await enqueueSteps(tx, after, [{ stepRowId: nextStep!.id, attempt: 0 }], deps);
  } else {
    after = await failInstance(ctx, after, after.error ?? {}, deps, now);
  }
  return {
    status: ok ? "compensated" : "compensation_failed",
    stepId: step.stepId,
    instanceStatus: after.status,
    nextRunAt: null,
  };
}
