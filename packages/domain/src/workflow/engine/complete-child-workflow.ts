// A child instance (started by a parent's start_workflow step) finished: the parent's step
// completes (output: the child's id, status and result) or fails, in the child's transaction. The
// child's lock is held, then the parent's is taken: the engine never locks in the other order (a
// parent's transitions do not lock its children), so this cannot deadlock.
import type { OperationContext } from "../../context.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { type InstanceRow, lockInstance, lockStep } from "./engine-rows.ts";
import { finishStep } from "./finish-step.ts";

export async function completeChildWorkflow(
  ctx: OperationContext,
  child: InstanceRow,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<void> {
  if (!child.parentInstanceId || !child.parentStepId) return;
  const parent = await lockInstance(ctx.tx, child.accountId, child.parentInstanceId);
  if (!parent) return;
  const step = await lockStep(ctx.tx, parent, { stepId: child.parentStepId });
  if (step?.status !== "running" || step.waitingFor !== "child") return;
  const output = { instanceId: child.id, status: child.status, result: child.result ?? null };
  await finishStep(
    ctx,
    parent,
    step,
    child.status === "completed"
      ? { status: "completed", output }
      : {
          status: "failed",
          retryable: false,
          error: { message: `The child workflow ended ${child.status}.`, code: "CHILD_WORKFLOW_FAILED" },
        },
    { deps, now, actor: "worker" },
  );
}
