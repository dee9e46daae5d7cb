// Records what a step's attempt answered, under the instance and step row locks the caller holds
// (the caller checked the step is still running this attempt, so a late or duplicate finisher
// never overwrites a newer outcome):
//   completed → output variables set, step completed (completion_order = next), dependants released;
//   waiting   → the step stays running, waiting for a time (a job at `until`), a person or a child;
//   failed    → retried after a backoff while attempts remain (and the failure is retryable), else
//               the step fails for good and the instance compensates (compensate-workflow.ts).
// An instance that stopped running meanwhile (cancelled) keeps the outcome but nothing follows.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { evaluate } from "../steps/index.ts";
import { appendEvent } from "./append-event.ts";
import { nextAttemptAt } from "./backoff.ts";
import { addLateCompensation, beginCompensation } from "./compensate-workflow.ts";
import type { StepOutcome, WorkflowEngineDeps } from "./engine-ports.ts";
import {
  definitionStep,
  type InstanceRow,
  jsonb,
  loadInstanceDefinition,
  loadScope,
  type StepRow,
  writeVariables,
} from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";
import { releaseDependants } from "./release-dependants.ts";
import type { RunStepResult } from "./run-step-result.ts";

export interface FinishOptions {
  deps: WorkflowEngineDeps;
  now: Date;
  actor: string;
  /** The attempt ran past its timeout: recorded as `timeout`. */
  timedOut?: boolean;
  /** Extra data for the step's event (an approval's decision). */
  eventData?: Record<string, unknown>;
}

const errorJson = (e: { message: string; code?: string }) => ({
  message: e.message,
  ...(e.code ? { code: e.code } : {}),
});

export async function finishStep(
  ctx: OperationContext,
  instance: InstanceRow,
  step: StepRow,
  given: StepOutcome,
  o: FinishOptions,
): Promise<RunStepResult> {
  const { tx } = ctx;
  const s = schema.workflowSteps;
  const definition = await loadInstanceDefinition(tx, instance);
  const defStep = definitionStep(definition, step.stepId);
  let outcome = given;
  let variables: Record<string, unknown> = {};
  if (outcome.status === "completed" && defStep && Object.keys(defStep.output).length > 0) {
    // Output mapping: { variable: JSONata over the scope plus `result` }; a failing one fails the step.
    try {
      const scope = { ...(await loadScope(tx, instance)), result: outcome.output ?? null };
      for (const [name, expression] of Object.entries(defStep.output))
        variables[name] = await evaluate(expression, scope);
    } catch (error) {
      variables = {};
      outcome = {
        status: "failed",
        retryable: false,
        error: { message: (error as Error).message, code: "OUTPUT_MAPPING_FAILED" },
      };
    }
  }
  if (outcome.status === "waiting" && instance.status !== "running") {
    outcome = {
      status: "failed",
      retryable: false,
      error: { message: "The workflow stopped.", code: "CANCELLED" },
    };
  }

  const stepWhere = and(eq(s.accountId, step.accountId), eq(s.id, step.id));
  const execution = async (patch: Partial<typeof schema.stepExecutions.$inferInsert>) => {
    const e = schema.stepExecutions;
    await tx
      .update(e)
      .set({
        ...patch,
        ...(patch.status && patch.status !== "running"
          ? {
              completedAt: o.now,
              durationMs: sql`greatest(0, round(extract(epoch from (${o.now.toISOString()}::timestamptz - ${e.startedAt})) * 1000))::int`,
            }
          : {}),
      })
      .where(and(eq(e.accountId, step.accountId), eq(e.stepRowId, step.id), eq(e.attempt, step.attempts)));
  };
  const result = (
    status: Exclude<RunStepResult["status"], "ignored">,
    after: InstanceRow,
    nextRunAt: Date | null = null,
  ): RunStepResult => ({
    status,
    stepId: step.stepId,
    instanceStatus: after.status,
    nextRunAt,
  });

  if (outcome.status === "completed") {
    const output = outcome.output ?? null;
    await writeVariables(tx, instance, variables, step.stepId, o.now);
    await execution({ status: "completed", output: jsonb(output) });
    const [after] = await tx
      .update(s)
      .set({
        status: "completed",
        result: jsonb(output),
        error: null,
        waitingFor: null,
        nextRunAt: null,
        completedAt: o.now,
        // Compensations run in the reverse of this order.
        completionOrder: sql`(select coalesce(max(c.completion_order), 0) + 1 from workflow_steps c
                              where c.account_id = ${step.accountId} and c.instance_id = ${step.instanceId})`,
        updatedAt: o.now,
      })
      .where(stepWhere)
      .returning();
    // A parallel branch finishing while the saga runs: undone too, next (it completed last).
    if (instance.status === "compensating" && defStep?.compensation) {
      await addLateCompensation(tx, instance, step, defStep.compensation, o.deps);
    }
    const next = await releaseDependants(
      ctx,
      instance,
      after!,
      {
        type: "step_completed",
        stepId: step.stepId,
        actor: o.actor,
        at: o.now,
        data: { attempt: step.attempts, ...o.eventData },
      },
      o.deps,
      o.now,
    );
    return result("completed", next);
  }

  if (outcome.status === "waiting") {
    await tx
      .update(s)
      .set({
        waitingFor: outcome.waitingFor,
        nextRunAt: outcome.until,
        result: jsonb(outcome.output),
        updatedAt: o.now,
      })
      .where(stepWhere);
    const after = await appendEvent(
      tx,
      instance,
      {
        type: "step_waiting",
        stepId: step.stepId,
        actor: o.actor,
        at: o.now,
        data: {
          attempt: step.attempts,
          waitingFor: outcome.waitingFor,
          until: outcome.until?.toISOString() ?? null,
        },
      },
      o.deps,
    );
    // The job that ends the wait (an approval's timeout, a wait's end); the sweeper re-sends it if lost.
    if (outcome.until)
      await enqueueSteps(
        tx,
        after,
        [{ stepRowId: step.id, attempt: step.attempts, runAt: outcome.until }],
        o.deps,
      );
    return result("waiting", after, outcome.until);
  }

  const error = errorJson(outcome.error);
  await execution({ status: o.timedOut ? "timeout" : "failed", error });
  const roundStart = step.maxAttempts - ((defStep?.retry.max ?? step.maxAttempts - 1) + 1);
  if (instance.status === "running" && outcome.retryable && step.attempts < step.maxAttempts) {
    const runAt = nextAttemptAt(o.now, step.backoff, step.attempts - roundStart);
    await tx
      .update(s)
      .set({ status: "pending", nextRunAt: runAt, waitingFor: null, error, updatedAt: o.now })
      .where(stepWhere);
    const after = await appendEvent(
      tx,
      instance,
      {
        type: "step_retry_scheduled",
        stepId: step.stepId,
        actor: o.actor,
        at: o.now,
        data: {
          attempt: step.attempts,
          timedOut: o.timedOut ?? false,
          error,
          nextRunAt: runAt.toISOString(),
        },
      },
      o.deps,
    );
    await enqueueSteps(tx, after, [{ stepRowId: step.id, attempt: step.attempts + 1, runAt }], o.deps);
    return result("retrying", after, runAt);
  }

  const stopped = instance.status !== "running" && error.code === "CANCELLED";
  const [failed] = await tx
    .update(s)
    .set({
      status: stopped ? "cancelled" : "failed",
      waitingFor: null,
      nextRunAt: null,
      error,
      completedAt: o.now,
      updatedAt: o.now,
    })
    .where(stepWhere)
    .returning();
  let after = await appendEvent(
    tx,
    instance,
    {
      type: stopped ? "step_cancelled" : "step_failed",
      stepId: step.stepId,
      actor: o.actor,
      at: o.now,
      data: { attempt: step.attempts, timedOut: o.timedOut ?? false, error, ...o.eventData },
    },
    o.deps,
  );
  if (after.status === "running") after = await beginCompensation(ctx, after, failed!, o.deps, o.now);
  return result(stopped ? "cancelled" : "failed", after);
}
