// Step 1 of a job, in its own transaction: lock the instance row FOR UPDATE, then the step row, and
// decide. The job runs only if the step is pending with attempts = job.attempt − 1 and due (a
// duplicate or late job finds the number moved on and does nothing), or is a waiting step whose
// time came. A stopped instance cancels the step; a true skip condition skips it; otherwise the
// attempt starts (attempts + 1, running, a step_executions row, an event) and COMMITS before the
// handler runs, so a crash mid-run leaves a running attempt the sweeper times out and retries.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { evaluate, resolveParameters } from "../steps/index.ts";
import { appendEvent } from "./append-event.ts";
import type { CompensationRow } from "./compensate-workflow.ts";
import type { StepOutcome, WorkflowEngineDeps, WorkflowStepJob } from "./engine-ports.ts";
import {
  definitionStep,
  jsonb,
  loadInstanceDefinition,
  loadScope,
  lockInstance,
  lockStep,
  workerOf,
} from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";
import type { PreparedRun } from "./execute-handler.ts";
import { finishStep } from "./finish-step.ts";
import { releaseDependants } from "./release-dependants.ts";
import { resumeWaitingStep } from "./resume-waiting-step.ts";
import { claimCompensation } from "./run-compensation.ts";
import type { RunStepResult } from "./run-step-result.ts";

export type StepClaim =
  | { kind: "done"; result: RunStepResult }
  | { kind: "run"; run: PreparedRun; timeoutSeconds: number | null }
  | { kind: "compensate"; run: PreparedRun; compensation: CompensationRow };

const ignored = (reason: "missing" | "stale" | "not_due"): StepClaim => ({
  kind: "done",
  result: { status: "ignored", reason },
});

export async function claimStep(
  ctx: OperationContext,
  job: WorkflowStepJob & { now: Date },
  deps: WorkflowEngineDeps,
): Promise<StepClaim> {
  const { tx } = ctx;
  const { now } = job;
  const instance = await lockInstance(tx, job.accountId, job.instanceId);
  if (!instance) return ignored("missing");
  const step = await lockStep(tx, instance, { rowId: job.stepRowId });
  if (!step) return ignored("missing");

  if (job.attempt === 0) {
    const claimed = await claimCompensation(ctx, instance, step, deps, now);
    return claimed ? { kind: "compensate", ...claimed } : ignored("stale");
  }
  if (step.status === "running" && step.waitingFor && step.attempts === job.attempt) {
    return { kind: "done", result: await resumeWaitingStep(ctx, instance, step, deps, now) };
  }
  if (step.status !== "pending" || step.attempts !== job.attempt - 1) return ignored("stale");
  if (step.nextRunAt && step.nextRunAt > now) {
    // Early (the worker's clock behind the queue's): nothing else would ever run this pending
    // step (the sweeper looks at running ones only), so the job is sent again for its time.
    await enqueueSteps(
      tx,
      instance,
      [{ stepRowId: step.id, attempt: job.attempt, runAt: step.nextRunAt }],
      deps,
    );
    return ignored("not_due");
  }

  const s = schema.workflowSteps;
  const stepWhere = and(eq(s.accountId, step.accountId), eq(s.id, step.id));
  if (instance.status !== "running") {
    // Cancelled (or failing) meanwhile: no new step starts.
    await tx.update(s).set({ status: "cancelled", nextRunAt: null, updatedAt: now }).where(stepWhere);
    const after = await appendEvent(
      tx,
      instance,
      {
        type: "step_cancelled",
        stepId: step.stepId,
        actor: "worker",
        at: now,
        data: { instanceStatus: instance.status },
      },
      deps,
    );
    return {
      kind: "done",
      result: { status: "cancelled", stepId: step.stepId, instanceStatus: after.status, nextRunAt: null },
    };
  }

  const definition = await loadInstanceDefinition(tx, instance);
  const defStep = definitionStep(definition, step.stepId);
  const scope = await loadScope(tx, instance);
  let parameters: Record<string, unknown> = step.parameters;
  let problem: StepOutcome | null = null;
  try {
    if (defStep?.skipIf && (await evaluate(defStep.skipIf, scope))) {
      const [skipped] = await tx
        .update(s)
        .set({
          status: "skipped",
          skipReason: "Its skip condition held.",
          nextRunAt: null,
          completedAt: now,
          updatedAt: now,
        })
        .where(stepWhere)
        .returning();
      const after = await releaseDependants(
        ctx,
        instance,
        skipped!,
        {
          type: "step_skipped",
          stepId: step.stepId,
          actor: "worker",
          at: now,
          data: { skipIf: defStep.skipIf },
        },
        deps,
        now,
      );
      return {
        kind: "done",
        result: { status: "skipped", stepId: step.stepId, instanceStatus: after.status, nextRunAt: null },
      };
    }
    parameters = await resolveParameters(defStep ?? { parameters: step.parameters, input: {} }, scope);
  } catch (error) {
    // A skip condition or an input expression that fails is the step's failure (retrying won't help).
    problem = {
      status: "failed",
      retryable: false,
      error: { message: (error as Error).message, code: "EXPRESSION_FAILED" },
    };
  }

  const [started] = await tx
    .update(s)
    .set({
      status: "running",
      attempts: sql`${s.attempts} + 1`,
      startedAt: now,
      nextRunAt: null,
      waitingFor: null,
      updatedAt: now,
    })
    .where(stepWhere)
    .returning();
  await tx.insert(schema.stepExecutions).values({
    accountId: step.accountId,
    instanceId: step.instanceId,
    stepRowId: step.id,
    attempt: started!.attempts,
    status: "running",
    startedAt: now,
    input: jsonb(parameters),
    worker: workerOf(deps),
  });
  const after = await appendEvent(
    tx,
    instance,
    {
      type: "step_started",
      stepId: step.stepId,
      actor: "worker",
      at: now,
      data: { attempt: started!.attempts },
    },
    deps,
  );
  if (problem)
    return {
      kind: "done",
      result: await finishStep(ctx, after, started!, problem, { deps, now, actor: "worker" }),
    };
  return {
    kind: "run",
    timeoutSeconds: step.timeoutSeconds,
    run: {
      accountId: step.accountId,
      instanceId: step.instanceId,
      stepId: step.stepId,
      type: step.type,
      attempt: started!.attempts,
      parameters,
      scope,
      // The same on every attempt: receivers drop a repeated effect by it.
      idempotencyKey: `${step.instanceId}:${step.stepId}`,
      now,
    },
  };
}
