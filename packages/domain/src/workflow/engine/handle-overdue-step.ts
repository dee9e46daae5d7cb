// The sweeper's body for one step app.overdue_workflow_steps found: a running step the engine
// should have heard from. An executing attempt past its timeout (its worker died or hung) is
// recorded as `timeout` and retried or failed like any failure; a waiting step whose time passed
// (its job was lost) is resumed. Under the same locks and attempt check as a job, so a step that
// moved on meanwhile is left alone.
import type { Database } from "@markettina/db";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { inTenant, lockInstance, lockStep } from "./engine-rows.ts";
import { finishStep } from "./finish-step.ts";
import { resumeWaitingStep } from "./resume-waiting-step.ts";
import type { RunStepResult } from "./run-step-result.ts";

export async function handleOverdueStep(
  db: Database,
  o: { accountId: string; instanceId: string; stepRowId: string; attempt: number; now: Date },
  deps: WorkflowEngineDeps = {},
): Promise<RunStepResult> {
  return inTenant(db, o.accountId, async (ctx) => {
    const instance = await lockInstance(ctx.tx, o.accountId, o.instanceId);
    const step = instance && (await lockStep(ctx.tx, instance, { rowId: o.stepRowId }));
    if (!instance || !step) return { status: "ignored", reason: "missing" } as const;
    if (step.status !== "running" || step.attempts !== o.attempt)
      return { status: "ignored", reason: "stale" } as const;
    if (step.waitingFor) return resumeWaitingStep(ctx, instance, step, deps, o.now);
    return finishStep(
      ctx,
      instance,
      step,
      {
        status: "failed",
        retryable: true,
        error: {
          message: "The step did not finish within its timeout (its worker stopped or hung).",
          code: "TIMEOUT",
        },
      },
      { deps, now: o.now, actor: "worker", timedOut: true },
    );
  });
}
