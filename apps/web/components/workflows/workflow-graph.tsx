// A workflow's DAG drawn read-only with React Flow and laid out top to bottom with dagre (the
// journeys' layout helper): each step below those it depends on, parallel branches side by side.
// Each card is coloured by a tone its caller chooses (validation problems, step state) and
// carries a short annotation; pressing a card (a button: Tab and Enter reach it) selects the step.
"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
} from "@xyflow/react";
import { createContext, memo, useContext, useMemo } from "react";
import { layoutTopToBottom } from "@/components/journeys/auto-layout";
import { type DefinitionStep, stepTypeLabel } from "./definition-steps";

export type GraphTone = "neutral" | "accent" | "success" | "warning" | "danger";

export type GraphStep = DefinitionStep & { tone: GraphTone; status?: string; note?: string };

type CardData = { step: GraphStep; selected: boolean };
type CardNode = Node<CardData, "step">;

const CARD_SIZE = { width: 230, height: 92 } as const;

const TONES: Record<GraphTone, string> = {
  neutral: "border-zinc-300 bg-white",
  accent: "border-accent-500 bg-accent-50",
  success: "border-emerald-500 bg-emerald-50",
  warning: "border-amber-500 bg-amber-50",
  danger: "border-red-500 bg-red-50",
};

const SelectContext = createContext<((stepId: string) => void) | undefined>(undefined);

function StepCard({ data }: NodeProps<CardNode>) {
  const onSelect = useContext(SelectContext);
  const { step, selected } = data;
  const body = (
    <>
      <span className="block truncate text-sm font-semibold text-zinc-900" data-testid="graph-step-name">
        {step.name || step.id}
      </span>
      <span className="block truncate text-xs text-zinc-600">
        {stepTypeLabel(step.type)} · <span className="font-mono">{step.id}</span>
      </span>
      {step.status ? (
        <span className="mt-0.5 block text-xs font-medium text-zinc-800" data-testid="graph-step-status">
          {step.status}
        </span>
      ) : null}
      {step.note ? <span className="block truncate text-xs text-red-800">{step.note}</span> : null}
    </>
  );
  const classes = `block h-full w-full rounded-lg border-2 px-3 py-2 text-left shadow-xs ${TONES[step.tone]} ${selected ? "ring-2 ring-accent-600 ring-offset-2" : ""}`;
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      {onSelect ? (
        <button
          type="button"
          className={`nodrag ${classes} focus-visible:outline-2 focus-visible:outline-accent-600`}
          aria-pressed={selected}
          aria-label={`${step.name || step.id}${step.status ? `, ${step.status}` : ""}${step.note ? `, ${step.note}` : ""}`}
          onClick={() => onSelect(step.id)}
        >
          {body}
        </button>
      ) : (
        <div className={classes}>{body}</div>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </>
  );
}

const NODE_TYPES = { step: memo(StepCard) };
const EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } } as const;

export function WorkflowGraph({
  steps,
  label,
  selectedId = null,
  onSelect,
}: {
  steps: readonly GraphStep[];
  label: string;
  selectedId?: string | null;
  onSelect?: (stepId: string) => void;
}) {
  const { nodes, edges } = useMemo(() => {
    const ids = new Set(steps.map((step) => step.id));
    const edges = steps.flatMap((step) =>
      step.dependsOn
        .filter((dependency) => ids.has(dependency))
        .map((dependency) => ({
          id: `${dependency}->${step.id}`,
          source: dependency,
          target: step.id,
          ariaLabel: `${step.id} depends on ${dependency}`,
        })),
    );
    const cards: CardNode[] = steps.map((step) => ({
      id: step.id,
      type: "step",
      position: { x: 0, y: 0 },
      width: CARD_SIZE.width,
      height: CARD_SIZE.height,
      data: { step, selected: step.id === selectedId },
    }));
    return { nodes: layoutTopToBottom(cards, edges, [], CARD_SIZE), edges };
  }, [steps, selectedId]);

  if (steps.length === 0) {
    return <p className="p-4 text-sm text-zinc-500">No steps to draw yet.</p>;
  }
  return (
    <SelectContext value={onSelect}>
      <ReactFlowProvider>
        <section className="h-[420px] w-full" aria-label={label}>
          <ReactFlow<CardNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            defaultEdgeOptions={EDGE_OPTIONS}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            fitView
            fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
            minZoom={0.2}
            maxZoom={1.5}
            attributionPosition="bottom-right"
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
            <Controls showInteractive={false} position="bottom-left" />
          </ReactFlow>
        </section>
      </ReactFlowProvider>
    </SelectContext>
  );
}
