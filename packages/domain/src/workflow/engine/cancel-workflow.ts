// Cancels a running instance: it becomes cancelled (completed_at set), its pending steps and the
// ones waiting (for a time, a person, a child) are cancelled, and no new step starts: a step
// executing right now finishes and keeps its outcome, but releases nothing (finish-step.ts). The
// version, when given, is the optimistic lock: a stale one is a CONFLICT.
import { schema } from "@markettina/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, notFound, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { appendEvent } from "./append-event.ts";
import { completeChildWorkflow } from "./complete-child-workflow.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { actorOf, clockOf, type InstanceRow, isSystem, lockInstance } from "./engine-rows.ts";

export const CancelWorkflowInput = z.object({
  id: z.uuid(),
  version: z.number().int().min(0).nullish(),
  reason: z.string().trim().max(1_000).nullish(),
});
export type CancelWorkflowInput = z.input<typeof CancelWorkflowInput>;

/** Locks the instance a person acts on and checks the version they saw (CONFLICT when stale). */
export async function lockInstanceVersion(
  ctx: OperationContext,
  id: string,
  version: number | null | undefined,
): Promise<InstanceRow> {
  const instance = await lockInstance(ctx.tx, ctx.accountId, id);
  if (!instance) return notFound("id", "Workflow instance");
  if (version !== null && version !== undefined && instance.version !== version) {
    return fail("CONFLICT", "The workflow changed meanwhile: reload it and try again.", "version");
  }
  return instance;
}

export async function cancelWorkflow(
  ctx: OperationContext,
  raw: CancelWorkflowInput,
  deps: WorkflowEngineDeps = {},
): Promise<InstanceRow> {
  if (!isSystem(ctx)) authorize(ctx, "workflows:write");
  const input = parseInput(CancelWorkflowInput, raw);
  const instance = await lockInstanceVersion(ctx, input.id, input.version);
  if (instance.status !== "running" && instance.status !== "pending") {
    return fail("INVALID_TRANSITION", `This workflow cannot be cancelled: it is ${instance.status}.`, "id");
  }
  const now = clockOf(deps);
  const s = schema.workflowSteps;
  const ofInstance = and(eq(s.accountId, instance.accountId), eq(s.instanceId, instance.id));
  await ctx.tx
    .update(s)
    .set({ status: "cancelled", nextRunAt: null, updatedAt: now })
    .where(and(ofInstance, eq(s.status, "pending")));
  const waiting = await ctx.tx
    .update(s)
    .set({ status: "cancelled", waitingFor: null, nextRunAt: null, completedAt: now, updatedAt: now })
    .where(and(ofInstance, eq(s.status, "running"), isNotNull(s.waitingFor)))
    .returning({ id: s.id, attempts: s.attempts });
  const e = schema.stepExecutions;
  for (const w of waiting) {
    await ctx.tx
      .update(e)
      .set({ status: "cancelled", completedAt: now })
      .where(
        and(
          eq(e.accountId, instance.accountId),
          eq(e.stepRowId, w.id),
          eq(e.attempt, w.attempts),
          eq(e.status, "running"),
        ),
      );
  }
  const reason = input.reason ?? null;
  const after = await appendEvent(
    ctx.tx,
    instance,
    { type: "instance_cancelled", actor: actorOf(ctx), at: now, data: { reason } },
    deps,
    {
      status: "cancelled",
      completedAt: now,
      estimatedCompletionAt: null,
      error: { message: reason ?? "Cancelled.", code: "CANCELLED" },
    },
  );
  await recordChange(ctx, {
    action: "workflow_instance.cancelled",
    entityType: "workflow_instance",
    entityId: instance.id,
    before: { status: instance.status },
    after: { status: after.status, reason },
  });
  await completeChildWorkflow(ctx, after, deps, now);
  return after;
}
