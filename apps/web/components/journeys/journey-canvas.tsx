// The React Flow canvas: step cards and connections, dropping palette steps where they land,
// zoom controls, a minimap and a dotted grid. Delete/Backspace remove the selection.
"use client";

import "@xyflow/react/dist/style.css";
import "./journey-canvas.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type ReactFlowInstance,
  useNodesInitialized,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, useEffect, useRef } from "react";
import { NODE_SIZE } from "./auto-layout";
import type { StepEdge, StepNode } from "./journey-flow";
import { PALETTE, type PaletteEntry } from "./node-catalog";
import { STEP_EDGE_TYPES } from "./step-edge";
import { KIND_TONES } from "./step-icon";
import { STEP_NODE_TYPES } from "./step-nodes";
import { PALETTE_DRAG_TYPE } from "./step-palette";
import type { JourneyEditor } from "./use-journey-editor";

const DELETE_KEYS = ["Delete", "Backspace"];
const EDGE_DEFAULTS = {
  type: "journey",
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
} as const;
const ARIA_LABELS = {
  "node.a11yDescription.default": "Press Enter or Space to select the step and edit it. Delete removes it.",
  "node.a11yDescription.keyboardDisabled": "Press Enter or Space to select the step.",
  "edge.a11yDescription.default": "Press Enter or Space to select the connection. Delete removes it.",
  "controls.ariaLabel": "Zoom controls",
  "minimap.ariaLabel": "Overview of the journey",
};

export function JourneyCanvas({
  editor,
  readOnly,
  onDropStep,
}: {
  editor: JourneyEditor;
  readOnly: boolean;
  onDropStep: (entry: PaletteEntry, position: { x: number; y: number }) => void;
}) {
  const flow = useReactFlow<StepNode, StepEdge>();
  const { screenToFlowPosition } = flow;
  const pane = useRef<HTMLDivElement>(null);
  const measured = useNodesInitialized();
  const placed = useRef(false);

  // The first view, once the cards are measured: the whole journey if it is readable at 70 %,
  // else its top (the trigger) at a readable zoom, from where one scrolls down.
  useEffect(() => {
    if (!measured || placed.current || !pane.current) return;
    placed.current = true;
    readableView(flow, pane.current.getBoundingClientRect());
  }, [measured, flow]);

  function onDragOver(event: DragEvent) {
    if (readOnly || !event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }

  function onDrop(event: DragEvent) {
    const key = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
    const entry = PALETTE.find((candidate) => candidate.key === key);
    if (readOnly || !entry) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // Centred on the pointer, as if the card had been carried there.
    onDropStep(entry, { x: point.x - NODE_SIZE.width / 2, y: point.y - NODE_SIZE.height / 3 });
  }

  return (
    <div ref={pane} className="size-full">
      <ReactFlow<StepNode, StepEdge>
        nodes={editor.nodes}
        edges={editor.edges}
        nodeTypes={STEP_NODE_TYPES}
        edgeTypes={STEP_EDGE_TYPES}
        defaultEdgeOptions={EDGE_DEFAULTS}
        onNodesChange={editor.onNodesChange}
        onEdgesChange={editor.onEdgesChange}
        onConnect={editor.onConnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesFocusable
        nodesFocusable
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        // The trigger is the journey's door: nothing connects into it.
        isValidConnection={(connection) =>
          connection.source !== connection.target &&
          editor.nodes.find((node) => node.id === connection.target)?.data.step.kind !== "trigger"
        }
        minZoom={0.2}
        maxZoom={1.75}
        snapToGrid
        snapGrid={[10, 10]}
        attributionPosition="top-left"
        ariaLabelConfig={ARIA_LABELS}
        aria-label="Journey canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          nodeColor={(node) => KIND_TONES[(node as StepNode).data.step.kind].minimap}
          nodeStrokeWidth={2}
          maskColor="rgba(244, 244, 245, 0.7)"
          style={{ width: 150, height: 100 }}
        />
      </ReactFlow>
    </div>
  );
}

const READABLE_ZOOM = 0.7;
const MARGIN = 32;

function readableView(flow: ReactFlowInstance<StepNode, StepEdge>, size: { width: number; height: number }) {
  const nodes = flow.getNodes();
  if (nodes.length === 0) return;
  const bounds = flow.getNodesBounds(nodes);
  const fit = Math.min(
    (size.width - 2 * MARGIN) / Math.max(bounds.width, 1),
    (size.height - 2 * MARGIN) / Math.max(bounds.height, 1),
  );
  const zoom = Math.min(1, Math.max(READABLE_ZOOM, fit));
  const trigger = nodes.find((node) => node.data.step.kind === "trigger");
  const wide = bounds.width * zoom > size.width - 2 * MARGIN;
  const centreX =
    wide && trigger
      ? trigger.position.x + (trigger.measured?.width ?? NODE_SIZE.width) / 2
      : bounds.x + bounds.width / 2;
  const tall = bounds.height * zoom > size.height - 2 * MARGIN;
  void flow.setViewport({
    zoom,
    x: size.width / 2 - centreX * zoom,
    y: tall ? MARGIN - bounds.y * zoom : size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  });
}
