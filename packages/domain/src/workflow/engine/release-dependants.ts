// After a step settles (completed or skipped): the instance's progress, the jobs of the dependants
// whose dependencies are now all completed or skipped, and the instance's completion when every
// step is. Runs under the instance row lock, so of two dependencies finishing at the same time
// only the second sees the dependant ready: it is enqueued once (and a duplicate job would find
// it claimed anyway). Nothing is released once the instance stopped running (cancelled, failed,
// compensating): that is what "no new steps start" means.
import type { OperationContext } from "../../context.ts";
import { appendEvent, type WorkflowEvent } from "./append-event.ts";
import { completeChildWorkflow } from "./complete-child-workflow.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { type InstanceRow, loadScope, loadSteps, type StepRow } from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";
import { isDone, progressPatch } from "./progress.ts";

export async function releaseDependants(
  ctx: OperationContext,
  instance: InstanceRow,
  settled: StepRow,
  event: WorkflowEvent,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<InstanceRow> {
  const steps = await loadSteps(ctx.tx, instance);
  let after = await appendEvent(ctx.tx, instance, event, deps, progressPatch(instance, steps, now));
  if (after.status !== "running") return after;
  const done = new Set(steps.filter(isDone).map((s) => s.stepId));
  const ready = steps.filter(
    (s) =>
      s.status === "pending" && s.dependsOn.includes(settled.stepId) && s.dependsOn.every((d) => done.has(d)),
  );
  await enqueueSteps(
    ctx.tx,
    after,
    ready.map((s) => ({ stepRowId: s.id, attempt: s.attempts + 1 })),
    deps,
  );
  after = await settleInstance(ctx, after, steps, deps, now);
  return after;
}

/** A running instance whose steps are all completed or skipped completes: result = its variables. */
export async function settleInstance(
  ctx: OperationContext,
  instance: InstanceRow,
  steps: readonly StepRow[],
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<InstanceRow> {
  if (instance.status !== "running" || !steps.every(isDone)) return instance;
  const scope = await loadScope(ctx.tx, instance, steps);
  const completed = await appendEvent(
    ctx.tx,
    instance,
    { type: "instance_completed", actor: "worker", at: now },
    deps,
    { status: "completed", result: scope.vars, progress: 100, completedAt: now, estimatedCompletionAt: now },
  );
  await completeChildWorkflow(ctx, completed, deps, now);
  return completed;
}
