// Segments that refer to other segments ("member of VIPs"): which ones a tree names, whether saving
// one would close a loop, and the order to refresh them in so that a segment is computed after the
// segments its conditions read (membership conditions read stored memberships).
import type { Condition } from "./conditions.ts";

export interface SegmentReference {
  segmentId: string;
  /** Where in the tree, as a field path below the tree's own ("conditions.1"). */
  path: string[];
}

/** Every segment condition in the tree, with its position. */
export function segmentReferences(condition: Condition, path: string[] = []): SegmentReference[] {
  switch (condition.kind) {
    case "and":
    case "or":
      return condition.conditions.flatMap((child, i) =>
        segmentReferences(child, [...path, "conditions", String(i)]),
      );
    case "not":
      return segmentReferences(condition.condition, [...path, "condition"]);
    case "segment":
      return [{ segmentId: condition.segmentId, path }];
    default:
      return [];
  }
}

/** Segment ids a stored tree refers to (a tree that no longer parses refers to none). */
export type ReferenceGraph = Map<string, readonly string[]>;

/**
 * The chain from `start` back to `target` through the graph (start … target), or null. Saving
 * `target` with a reference to `start` would then close a loop.
 */
export function pathBetween(graph: ReferenceGraph, start: string, target: string): string[] | null {
  const seen = new Set<string>();
  const visit = (id: string): string[] | null => {
    if (id === target) return [id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const next of graph.get(id) ?? []) {
      const rest = visit(next);
      if (rest) return [id, ...rest];
    }
    return null;
  };
  return visit(start);
}

/** Ids ordered so that every segment comes after the segments it refers to. */
export function dependencyOrder(graph: ReferenceGraph): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string) => {
    if (state.has(id)) return; // done, or a loop saved before validation existed: left as is
    state.set(id, "visiting");
    for (const next of graph.get(id) ?? []) if (graph.has(next)) visit(next);
    state.set(id, "done");
    order.push(id);
  };
  for (const id of [...graph.keys()].sort()) visit(id);
  return order;
}
