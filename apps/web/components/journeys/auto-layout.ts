// Tidies the canvas top to bottom with dagre: each step below the ones leading to it, branches
// side by side in the order of their handles (yes left of no, split branches in order).
import dagre, { type Graph } from "@dagrejs/dagre";
import type { Node } from "@xyflow/react";
import type { StepEdge, StepNode } from "./journey-flow";
import { outputHandles } from "./node-catalog";

/** A card's size before React Flow has measured it. */
export const NODE_SIZE = { width: 280, height: 130 } as const;

export function autoLayout(nodes: StepNode[], edges: StepEdge[]): StepNode[] {
  // Branches side by side in the order of their handles (yes left of no, split A left of B):
  // dagre orders each rank freely unless told, and would cross a condition's edges half the time.
  const ids = new Set(nodes.map((node) => node.id));
  const constraints: { left: string; right: string }[] = [];
  for (const node of nodes) {
    const targets = outputHandles(node.data.step)
      .map(
        (handle) => edges.find((e) => e.source === node.id && (e.sourceHandle ?? null) === handle.id)?.target,
      )
      .filter((target): target is string => target !== undefined && ids.has(target));
    const distinct = [...new Set(targets)];
    for (let i = 1; i < distinct.length; i++)
      constraints.push({ left: distinct[i - 1]!, right: distinct[i]! });
  }
  return layoutTopToBottom(nodes, edges, constraints);
}

/**
 * Any React Flow graph top to bottom (journeys, workflow DAGs): each node below the ones leading
 * to it, sized as measured (or `size` before measuring); `constraints` keep siblings in order.
 */
export function layoutTopToBottom<N extends Node>(
  nodes: N[],
  edges: readonly { source: string; target: string }[],
  constraints: { left: string; right: string }[] = [],
  size: { width: number; height: number } = NODE_SIZE,
): N[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 56, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? size.width,
      height: node.measured?.height ?? size.height,
    });
  }
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  layoutWith(graph, constraints);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    if (!placed) return node;
    // dagre places centres; React Flow positions top-left corners.
    return { ...node, position: { x: placed.x - placed.width / 2, y: placed.y - placed.height / 2 } };
  });
}

/** dagre with order constraints; constraints it cannot honour (a cycle of them, branches that end
 * up on different ranks) are dropped rather than failing the whole layout. */
function layoutWith(graph: Graph, constraints: { left: string; right: string }[]): void {
  try {
    dagre.layout(graph, { constraints });
  } catch {
    dagre.layout(graph);
  }
}
