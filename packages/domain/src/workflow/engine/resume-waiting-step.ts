// A waiting step whose time came (its job at `until`, or the sweeper): a wait completes with the
// output it was given when it began; an approval nobody decided in time fails (not retried).
// Waits on a child workflow end when the child does (complete-child-workflow.ts), never here.
import type { OperationContext } from "../../context.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import type { InstanceRow, StepRow } from "./engine-rows.ts";
import { finishStep } from "./finish-step.ts";
import type { RunStepResult } from "./run-step-result.ts";

export async function resumeWaitingStep(
  ctx: OperationContext,
  instance: InstanceRow,
  step: StepRow,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<RunStepResult> {
  if (
    !step.nextRunAt ||
    step.nextRunAt > now ||
    (step.waitingFor !== "time" && step.waitingFor !== "approval")
  ) {
    return { status: "ignored", reason: "not_due" };
  }
  if (step.waitingFor === "time") {
    return finishStep(
      ctx,
      instance,
      step,
      { status: "completed", output: step.result ?? null },
      { deps, now, actor: "worker" },
    );
  }
  return finishStep(
    ctx,
    instance,
    step,
    {
      status: "failed",
      retryable: false,
      error: { message: "Nobody approved or rejected the step in time.", code: "APPROVAL_TIMEOUT" },
    },
    { deps, now, actor: "worker", timedOut: true },
  );
}
