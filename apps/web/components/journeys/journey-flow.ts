// Between a journey definition and React Flow's nodes and edges. The canvas works on React Flow's
// state (it carries positions, sizes and selection); the definition is read back from it to save.
import type { Edge, Node } from "@xyflow/react";
import type {
  JourneyDefinition,
  JourneyEdge,
  JourneyNode,
  JourneySettings,
  NodeKind,
} from "./journey-definition";
import { outputHandles } from "./node-catalog";

/** A step on the canvas: its definition without the position (React Flow keeps that). */
export type StepData = { step: JourneyNode };
export type StepNode = Node<StepData, NodeKind>;
export type StepEdge = Edge<{ label: string; tone: "neutral" | "yes" | "no" }, "journey">;

export function toFlowNodes(definition: JourneyDefinition): StepNode[] {
  return definition.nodes.map((node, index) => {
    const { position, ...step } = node;
    return {
      id: node.id,
      type: node.kind,
      position: position ?? { x: 0, y: index * 160 },
      data: { step: step as JourneyNode },
    };
  });
}

/** The label and colour an edge takes from the handle it leaves (Yes, No, a split branch…). */
export function edgeLook(source: JourneyNode | undefined, sourceHandle: string | null) {
  const handle = source
    ? outputHandles(source).find((candidate) => candidate.id === sourceHandle)
    : undefined;
  const label = handle && handle.id !== null ? handle.label : "";
  return { label, tone: handle?.tone ?? "neutral" } as const;
}

export function toFlowEdge(edge: JourneyEdge, source: JourneyNode | undefined): StepEdge {
  const look = edgeLook(source, edge.sourceHandle);
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    type: "journey",
    data: look,
    ariaLabel: `Connection from ${edge.source}${look.label ? ` (${look.label})` : ""} to ${edge.target}`,
  };
}

export function toFlowEdges(definition: JourneyDefinition): StepEdge[] {
  const byId = new Map(definition.nodes.map((node) => [node.id, node]));
  return definition.edges.map((edge) => toFlowEdge(edge, byId.get(edge.source)));
}

/** The definition as it is saved: positions rounded (they are only for people). */
export function toDefinition(
  nodes: StepNode[],
  edges: StepEdge[],
  settings: JourneySettings,
): JourneyDefinition {
  return {
    nodes: nodes.map(
      (node) =>
        ({
          ...node.data.step,
          position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
        }) as JourneyNode,
    ),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
    })),
    settings,
  };
}

/** "action-3": the kind and the first number not taken (node ids are letters, digits, _ and -). */
export function nextNodeId(kind: NodeKind, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((node) => node.id));
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`;
    if (!ids.has(id)) return id;
  }
}

export function edgeId(source: string, sourceHandle: string | null, target: string): string {
  return `${source}${sourceHandle ? `.${sourceHandle}` : ""}-${target}`;
}

/**
 * The edges after connecting `source` (at `sourceHandle`) to `target`: a way out leads to one
 * step, so a connection from a handle that already had one replaces it. A step never connects to
 * itself, and the trigger has no way in.
 */
export function connect(
  edges: StepEdge[],
  nodes: StepNode[],
  source: string,
  sourceHandle: string | null,
  target: string,
): StepEdge[] {
  const sourceNode = nodes.find((node) => node.id === source)?.data.step;
  const targetNode = nodes.find((node) => node.id === target)?.data.step;
  if (!sourceNode || !targetNode || source === target || targetNode.kind === "trigger") return edges;
  const kept = edges.filter(
    (edge) => !(edge.source === source && (edge.sourceHandle ?? null) === sourceHandle),
  );
  const edge: JourneyEdge = { id: edgeId(source, sourceHandle, target), source, target, sourceHandle };
  return [...kept, toFlowEdge(edge, sourceNode)];
}

/** The edges still valid after a step changed its ways out (a split lost a branch, a wait its timeout). */
export function pruneEdges(edges: StepEdge[], step: JourneyNode): StepEdge[] {
  const handles = new Set(outputHandles(step).map((handle) => handle.id));
  return edges
    .filter((edge) => edge.source !== step.id || handles.has(edge.sourceHandle ?? null))
    .map((edge) =>
      edge.source === step.id ? { ...edge, data: edgeLook(step, edge.sourceHandle ?? null) } : edge,
    );
}
