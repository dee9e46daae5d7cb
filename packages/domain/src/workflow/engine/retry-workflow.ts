// Runs a failed or cancelled instance again, from a step: that step and every step depending on
// it, plus every step that is not completed or skipped (failed, cancelled, undone by a
// compensation), go back to pending; the instance is running again and the reset steps whose
// dependencies are done get their jobs. Attempt numbers are NOT reset to 0: step_executions keeps
// one row per (step, attempt) as history, so the next attempt is attempts + 1 and max_attempts is
// raised by the step's allowance (retry.max + 1). The version, when given, is the optimistic lock.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { appendEvent } from "./append-event.ts";
import { lockInstanceVersion } from "./cancel-workflow.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import {
  actorOf,
  clockOf,
  definitionStep,
  type InstanceRow,
  isSystem,
  loadInstanceDefinition,
  loadSteps,
} from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";
import { isDone, progressPatch } from "./progress.ts";
import { settleInstance } from "./release-dependants.ts";
import { descendants } from "./topological-order.ts";

export const RetryWorkflowInput = z.object({
  id: z.uuid(),
  fromStepId: z.string().trim().min(1).max(64).nullish(),
  version: z.number().int().min(0).nullish(),
});
export type RetryWorkflowInput = z.input<typeof RetryWorkflowInput>;

export async function retryWorkflow(
  ctx: OperationContext,
  raw: RetryWorkflowInput,
  deps: WorkflowEngineDeps = {},
): Promise<InstanceRow> {
  if (!isSystem(ctx)) authorize(ctx, "workflows:write");
  const input = parseInput(RetryWorkflowInput, raw);
  const instance = await lockInstanceVersion(ctx, input.id, input.version);
  if (instance.status !== "failed" && instance.status !== "cancelled") {
    return fail(
      "INVALID_TRANSITION",
      `Only failed or cancelled workflows are retried: this one is ${instance.status}.`,
      "id",
    );
  }
  const now = clockOf(deps);
  const steps = await loadSteps(ctx.tx, instance);
  if (input.fromStepId && !steps.some((st) => st.stepId === input.fromStepId)) {
    return fail("NOT_FOUND", "The workflow has no step with this id.", "fromStepId");
  }
  const reset = input.fromStepId ? descendants(steps, input.fromStepId) : new Set<string>();
  for (const st of steps) if (!isDone(st)) reset.add(st.stepId);

  const definition = await loadInstanceDefinition(ctx.tx, instance);
  const s = schema.workflowSteps;
  const after = [];
  for (const st of steps) {
    if (!reset.has(st.stepId)) {
      after.push(st);
      continue;
    }
    const allowance = (definitionStep(definition, st.stepId)?.retry.max ?? 0) + 1;
    const [row] = await ctx.tx
      .update(s)
      .set({
        status: "pending",
        maxAttempts: st.attempts + allowance,
        result: null,
        error: null,
        skipReason: null,
        nextRunAt: null,
        waitingFor: null,
        startedAt: null,
        completedAt: null,
        completionOrder: null,
        updatedAt: now,
      })
      .where(and(eq(s.accountId, st.accountId), eq(s.id, st.id)))
      .returning();
    after.push(row!);
  }
  let running = await appendEvent(
    ctx.tx,
    instance,
    {
      type: "instance_retried",
      stepId: input.fromStepId ?? null,
      actor: actorOf(ctx),
      at: now,
      data: { fromStepId: input.fromStepId ?? null, steps: [...reset] },
    },
    deps,
    {
      status: "running",
      completedAt: null,
      error: null,
      result: null,
      ...progressPatch(instance, after, now),
    },
  );
  const done = new Set(after.filter(isDone).map((st) => st.stepId));
  await enqueueSteps(
    ctx.tx,
    running,
    after
      .filter((st) => st.status === "pending" && st.dependsOn.every((d) => done.has(d)))
      .map((st) => ({ stepRowId: st.id, attempt: st.attempts + 1 })),
    deps,
  );
  running = await settleInstance(ctx, running, after, deps, now);
  await recordChange(ctx, {
    action: "workflow_instance.retried",
    entityType: "workflow_instance",
    entityId: instance.id,
    before: { status: instance.status },
    after: { status: running.status, fromStepId: input.fromStepId ?? null },
  });
  return running;
}
