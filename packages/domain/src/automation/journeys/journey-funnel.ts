// The funnel of a journey: its nodes in the order contacts meet them (breadth first from the
// trigger, branches in the order they are drawn), each with how many contacts entered it. Built
// from the published definition and journey_node_stats, which the executor keeps current, so
// showing it never counts executions or events.
import type { JourneyDefinition, NodeKind } from "./definition.ts";
import { handlesOf } from "./validate-journey.ts";

export interface JourneyFunnelStep {
  nodeId: string;
  label: string;
  kind: NodeKind;
  entered: number;
}

const KIND_LABELS: Record<NodeKind, string> = {
  trigger: "Start",
  wait: "Wait",
  condition: "Condition",
  split: "Split",
  action: "Action",
  goal: "Goal",
  exit: "Exit",
};

export function journeyFunnel(
  definition: JourneyDefinition,
  entered: ReadonlyMap<string, number> | Record<string, number>,
): JourneyFunnelStep[] {
  const count = (id: string) =>
    (entered instanceof Map ? entered.get(id) : (entered as Record<string, number>)[id]) ?? 0;
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  const trigger = definition.nodes.find((n) => n.kind === "trigger");
  if (!trigger) return [];
  const seen = new Set([trigger.id]);
  const queue = [trigger.id];
  const steps: JourneyFunnelStep[] = [];
  while (queue.length > 0) {
    const node = nodes.get(queue.shift()!)!;
    steps.push({
      nodeId: node.id,
      label: node.label || KIND_LABELS[node.kind],
      kind: node.kind,
      entered: count(node.id),
    });
    const handles = handlesOf(node);
    const out = definition.edges
      .filter((e) => e.source === node.id && nodes.has(e.target))
      .sort((a, b) => rank(handles, a.sourceHandle) - rank(handles, b.sourceHandle));
    for (const edge of out) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return steps;
}

const rank = (handles: readonly (string | null)[], handle: string | null) => {
  const i = handles.indexOf(handle);
  return i === -1 ? handles.length : i;
};
