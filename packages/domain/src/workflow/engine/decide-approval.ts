// A person decides an approval step: approve completes it (output: the decision, comment, who and
// when) and the workflow goes on; reject fails it for good (the instance compensates). Only a step
// waiting for approval in a running instance can be decided (INVALID_TRANSITION otherwise): the
// instance row lock orders a decision against the approval's timeout job and a second decision.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, notFound, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { actorOf, clockOf, type InstanceRow, lockInstance, lockStep } from "./engine-rows.ts";
import { finishStep } from "./finish-step.ts";

export const DecideApprovalInput = z.object({
  instanceId: z.uuid(),
  stepId: z.string().trim().min(1).max(64),
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(2_000).nullish(),
});
export type DecideApprovalInput = z.input<typeof DecideApprovalInput>;

export async function decideApproval(
  ctx: OperationContext,
  raw: DecideApprovalInput,
  deps: WorkflowEngineDeps = {},
): Promise<InstanceRow> {
  authorize(ctx, "workflows:approve");
  const input = parseInput(DecideApprovalInput, raw);
  const instance = await lockInstance(ctx.tx, ctx.accountId, input.instanceId);
  if (!instance) return notFound("instanceId", "Workflow instance");
  const step = await lockStep(ctx.tx, instance, { stepId: input.stepId });
  if (!step) return notFound("stepId", "Workflow step");
  if (instance.status !== "running" || step.status !== "running" || step.waitingFor !== "approval") {
    return fail("INVALID_TRANSITION", "This step is not waiting for an approval.", "stepId");
  }
  const now = clockOf(deps);
  const comment = input.comment ?? null;
  const decision = {
    decision: input.decision === "approve" ? "approved" : "rejected",
    comment,
    decidedBy: actorOf(ctx),
    decidedAt: now.toISOString(),
  };
  await finishStep(
    ctx,
    instance,
    step,
    input.decision === "approve"
      ? {
          status: "completed",
          output: { ...((step.result as Record<string, unknown> | null) ?? {}), ...decision },
        }
      : {
          status: "failed",
          retryable: false,
          error: { message: comment ? `Rejected: ${comment}` : "Rejected.", code: "REJECTED" },
        },
    { deps, now, actor: actorOf(ctx), eventData: decision },
  );
  await recordChange(ctx, {
    action: input.decision === "approve" ? "workflow_step.approved" : "workflow_step.rejected",
    entityType: "workflow_instance",
    entityId: instance.id,
    after: { stepId: step.stepId, ...decision },
  });
  const i = schema.workflowInstances;
  const [after] = await ctx.tx
    .select()
    .from(i)
    .where(and(eq(i.accountId, instance.accountId), eq(i.id, instance.id)));
  return after!;
}
