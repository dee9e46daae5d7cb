// An instance's progress (share of steps completed or skipped) and its estimated completion: the
// time so far, scaled to every step (a straight-line estimate, refreshed at every step).
import type { InstancePatch } from "./append-event.ts";
import type { InstanceRow, StepRow } from "./engine-rows.ts";

export const isDone = (s: Pick<StepRow, "status">) => s.status === "completed" || s.status === "skipped";

export function progressPatch(instance: InstanceRow, steps: readonly StepRow[], now: Date): InstancePatch {
  const total = steps.length;
  const done = steps.filter(isDone).length;
  const progress = total === 0 ? 100 : Math.round((done / total) * 10_000) / 100;
  const started = instance.startedAt?.getTime() ?? now.getTime();
  const elapsed = Math.max(0, now.getTime() - started);
  const estimatedCompletionAt =
    done === 0 || total === 0 ? instance.estimatedCompletionAt : new Date(started + (elapsed * total) / done);
  return { progress, estimatedCompletionAt };
}
