// A topological order of a definition's steps (Kahn), ties broken by definition order: the
// execution_order the console draws and lists steps by. Unknown dependencies are ignored (an active
// definition has none); steps left in a cycle go last, in definition order.
import type { WorkflowStep } from "../definition.ts";

export function topologicalOrder(steps: readonly Pick<WorkflowStep, "id" | "dependsOn">[]): string[] {
  const known = new Set(steps.map((s) => s.id));
  const waiting = new Map(steps.map((s) => [s.id, new Set(s.dependsOn.filter((d) => known.has(d)))]));
  const order: string[] = [];
  for (;;) {
    const ready = steps.find((s) => waiting.get(s.id)?.size === 0);
    if (!ready) break;
    order.push(ready.id);
    waiting.delete(ready.id);
    for (const deps of waiting.values()) deps.delete(ready.id);
  }
  return [...order, ...steps.filter((s) => waiting.has(s.id)).map((s) => s.id)];
}

/** The step and every step that depends on it, directly or not. */
export function descendants(
  steps: readonly { stepId: string; dependsOn: string[] }[],
  from: string,
): Set<string> {
  const found = new Set([from]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of steps) {
      if (!found.has(s.stepId) && s.dependsOn.some((d) => found.has(d))) {
        found.add(s.stepId);
        grew = true;
      }
    }
  }
  return found;
}
