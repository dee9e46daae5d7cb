// What is wrong with a journey definition, node by node. The builder shows these on the nodes while
// the draft is edited (drafts are saved with their problems); publishing refuses any. Pure: the
// references to other rows (segments, templates, connectors) are checked by
// check-journey-references.ts, with the database.
import type { JourneyDefinition, JourneyEdge, JourneyNode } from "./definition.ts";

export const JOURNEY_PROBLEM_CODES = [
  "NO_TRIGGER",
  "EXTRA_TRIGGER",
  "TRIGGER_HAS_INCOMING",
  "DUPLICATE_NODE_ID",
  "DUPLICATE_EDGE_ID",
  "DANGLING_EDGE",
  "UNREACHABLE",
  "INVALID_HANDLE",
  "MISSING_BRANCH",
  "MISSING_NEXT",
  "TOO_MANY_NEXT",
  "EXIT_HAS_NEXT",
  "SPLIT_NOT_100",
  "DUPLICATE_SPLIT_KEY",
  "CYCLE_WITHOUT_WAIT",
  "UNKNOWN_SEGMENT",
  "UNKNOWN_TEMPLATE",
  "UNKNOWN_CONNECTOR",
  "INVALID_SHAPE",
] as const;
export type JourneyProblemCode = (typeof JOURNEY_PROBLEM_CODES)[number];

/** One thing to fix, on the node it concerns (null: the journey as a whole). */
export interface JourneyProblem {
  nodeId: string | null;
  code: JourneyProblemCode;
  message: string;
}

/** The edge handles a node may leave by; null is the single unnamed exit. */
export function handlesOf(node: JourneyNode): readonly (string | null)[] {
  switch (node.kind) {
    case "condition":
      return ["yes", "no"];
    case "split":
      return node.branches.map((b) => b.key);
    case "wait":
      return node.wait.type === "until_event" ? ["event", "timeout"] : [null];
    case "exit":
      return [];
    default:
      return [null];
  }
}

/** Nodes with named branches, each of which must be wired exactly once. */
const isBranching = (node: JourneyNode) =>
  node.kind === "condition" ||
  node.kind === "split" ||
  (node.kind === "wait" && node.wait.type === "until_event");

/** A wait that really holds the contact for a while. A zero wait (or a zero timeout) lets a
 * contact straight through, so it does not stop a cycle from spinning. */
function holds(node: JourneyNode): boolean {
  if (node.kind !== "wait") return false;
  if (node.wait.type === "duration") return node.wait.duration.amount > 0;
  if (node.wait.type === "until_event") return node.wait.timeout.amount > 0;
  return true;
}

const name = (node: JourneyNode) => (node.label ? `"${node.label}"` : `${node.kind} ${node.id}`);
const handleName = (h: string | null) => (h === null ? "its exit" : `"${h}"`);

export function validateJourney(definition: JourneyDefinition): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const add = (nodeId: string | null, code: JourneyProblemCode, message: string) =>
    problems.push({ nodeId, code, message });

  // Nodes by id (the first of duplicates wins, so edges still resolve while the ids get fixed).
  const nodes = new Map<string, JourneyNode>();
  for (const node of definition.nodes) {
    if (nodes.has(node.id)) {
      add(node.id, "DUPLICATE_NODE_ID", `Two nodes have the id ${node.id}: every node needs its own.`);
    } else nodes.set(node.id, node);
  }

  const triggers = definition.nodes.filter((n) => n.kind === "trigger");
  if (triggers.length === 0)
    add(null, "NO_TRIGGER", "Add a trigger: it says how contacts enter the journey.");
  for (const extra of triggers.slice(1)) {
    add(extra.id, "EXTRA_TRIGGER", `A journey has exactly one trigger; remove ${name(extra)}.`);
  }

  // Edges whose ends both exist; the others are reported and left out of the graph.
  const edgeIds = new Set<string>();
  const outgoing = new Map<string, JourneyEdge[]>();
  const wired: JourneyEdge[] = [];
  for (const edge of definition.edges) {
    if (edgeIds.has(edge.id)) {
      add(edge.source, "DUPLICATE_EDGE_ID", `Two connections have the id ${edge.id}.`);
    }
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      add(
        source ? source.id : target ? target.id : null,
        "DANGLING_EDGE",
        `A connection (${edge.id}) leads ${!source ? "from" : "to"} ${missing}, which is not in the journey.`,
      );
    }
    if (source) {
      const list = outgoing.get(source.id) ?? [];
      list.push(edge);
      outgoing.set(source.id, list);
    }
    if (source && target) {
      wired.push(edge);
      if (target.kind === "trigger") {
        add(target.id, "TRIGGER_HAS_INCOMING", `Nothing can lead into the trigger ${name(target)}.`);
      }
    }
  }

  for (const node of nodes.values()) checkExits(node, outgoing.get(node.id) ?? [], add);

  const trigger = triggers[0];
  if (trigger) {
    const reached = reachable(trigger.id, wired);
    for (const node of nodes.values()) {
      if (!reached.has(node.id) && node.kind !== "trigger") {
        add(node.id, "UNREACHABLE", `No path from the trigger leads to ${name(node)}.`);
      }
    }
  }

  for (const cycle of cyclesWithoutWait(nodes, wired)) {
    const path = cycle.map((id) => nodes.get(id)!).map(name);
    for (const id of cycle) {
      add(
        id,
        "CYCLE_WITHOUT_WAIT",
        `${path.join(" → ")} ${cycle.length > 1 ? "form a loop" : "leads back to itself"} without a wait: add a wait of at least a minute on it.`,
      );
    }
  }
  return problems;
}

type Add = (nodeId: string | null, code: JourneyProblemCode, message: string) => void;

/** How a node may be left: its handles, each wired exactly once; one exit for the others. */
function checkExits(node: JourneyNode, edges: JourneyEdge[], add: Add): void {
  if (node.kind === "split") {
    const total = node.branches.reduce((sum, b) => sum + b.percent, 0) + node.holdoutPercent;
    if (total !== 100) {
      add(
        node.id,
        "SPLIT_NOT_100",
        `The branches${node.holdoutPercent > 0 ? " and the holdout" : ""} of ${name(node)} add up to ${total}%, not 100%.`,
      );
    }
    const keys = new Set<string>();
    for (const b of node.branches) {
      if (keys.has(b.key))
        add(node.id, "DUPLICATE_SPLIT_KEY", `Two branches of ${name(node)} are called ${b.key}.`);
      keys.add(b.key);
    }
  }
  if (node.kind === "exit") {
    if (edges.length > 0)
      add(node.id, "EXIT_HAS_NEXT", `${name(node)} ends the journey: nothing can follow it.`);
    return;
  }
  const allowed = handlesOf(node);
  for (const edge of edges) {
    if (!allowed.includes(edge.sourceHandle)) {
      add(
        node.id,
        "INVALID_HANDLE",
        edge.sourceHandle === null
          ? `Connect one of the branches of ${name(node)} (${allowed.join(", ")}), not the node itself.`
          : `${name(node)} has no branch "${edge.sourceHandle}".`,
      );
    }
  }
  if (isBranching(node)) {
    for (const handle of new Set(allowed)) {
      const n = edges.filter((e) => e.sourceHandle === handle).length;
      if (n === 0)
        add(node.id, "MISSING_BRANCH", `Connect the ${handleName(handle)} branch of ${name(node)}.`);
      if (n > 1)
        add(
          node.id,
          "TOO_MANY_NEXT",
          `The ${handleName(handle)} branch of ${name(node)} leads to ${n} nodes: keep one.`,
        );
    }
    return;
  }
  const n = edges.length;
  if (node.kind === "goal") {
    if (n > 1) add(node.id, "TOO_MANY_NEXT", `${name(node)} can lead to one node at most, not ${n}.`);
    return;
  }
  if (n === 0) add(node.id, "MISSING_NEXT", `Connect ${name(node)} to the node that follows it.`);
  if (n > 1)
    add(
      node.id,
      "TOO_MANY_NEXT",
      `${name(node)} can lead to one node only, not ${n}: use a split or a condition to branch.`,
    );
}

function reachable(from: string, edges: readonly JourneyEdge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const to of next.get(queue.shift()!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/**
 * Loops a contact could run round forever without being held: the strongly connected components
 * (Tarjan) of the graph without its holding waits, with more than one node or a node leading to
 * itself. Each is listed in the definition's node order.
 */
function cyclesWithoutWait(nodes: Map<string, JourneyNode>, edges: readonly JourneyEdge[]): string[][] {
  const next = new Map<string, string[]>();
  const selfLoops = new Set<string>();
  for (const e of edges) {
    if (holds(nodes.get(e.source)!) || holds(nodes.get(e.target)!)) continue;
    if (e.source === e.target) selfLoops.add(e.source);
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const order = [...nodes.keys()];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || selfLoops.has(v)) {
        components.push(component.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      }
    }
  };
  for (const v of order) if (!index.has(v)) visit(v);
  return components.sort((a, b) => order.indexOf(a[0]!) - order.indexOf(b[0]!));
}
