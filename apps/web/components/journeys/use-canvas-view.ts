// Keeping the journey in view as the canvas changes: when the drawer opens or closes (the canvas
// narrows or widens from the right) the view moves by half the change, so the middle stays the
// middle; a step selected off screen is brought to the centre; "fit view" shows the whole journey.
"use client";

import { type ReactFlowInstance, useReactFlow } from "@xyflow/react";
import { type RefObject, useCallback, useEffect } from "react";
import { NODE_SIZE } from "./auto-layout";
import type { StepEdge, StepNode } from "./journey-flow";

/** An animation's length, or none for people who asked their system for reduced motion. */
export const motion = (ms: number) =>
  typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : ms;

type Flow = ReactFlowInstance<StepNode, StepEdge>;

/** Centres the step if any of it is outside the pane. Works from React Flow's numbers, not the
 * DOM: the view may just have moved without the cards being drawn there yet. */
function bringIntoView(flow: Flow, pane: HTMLElement | null, id: string): void {
  const box = pane?.getBoundingClientRect();
  const node = flow.getInternalNode(id);
  if (!box || !node) return;
  const { x, y, zoom } = flow.getViewport();
  const width = (node.measured.width ?? NODE_SIZE.width) * zoom;
  const height = (node.measured.height ?? NODE_SIZE.height) * zoom;
  const left = x + node.internals.positionAbsolute.x * zoom;
  const top = y + node.internals.positionAbsolute.y * zoom;
  if (left >= 0 && top >= 0 && left + width <= box.width && top + height <= box.height) return;
  void flow.setViewport(
    { zoom, x: x + box.width / 2 - (left + width / 2), y: y + box.height / 2 - (top + height / 2) },
    { duration: motion(250) },
  );
}

/** Answers "fit view". */
export function useCanvasView(canvas: RefObject<HTMLDivElement | null>, selectedId: string | null) {
  const flow = useReactFlow<StepNode, StepEdge>();

  useEffect(() => {
    const pane = canvas.current;
    if (!pane) return;
    let width = pane.getBoundingClientRect().width;
    const observer = new ResizeObserver(([entry]) => {
      const next = entry?.contentRect.width ?? width;
      if (next === width) return;
      const viewport = flow.getViewport();
      void flow.setViewport({ ...viewport, x: viewport.x + (next - width) / 2 });
      width = next;
    });
    observer.observe(pane);
    return () => observer.disconnect();
  }, [canvas, flow]);

  useEffect(() => {
    if (!selectedId) return;
    // Two frames on: after the drawer's resize has been laid out and compensated for (above).
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => bringIntoView(flow, canvas.current, selectedId));
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedId, canvas, flow]);

  return useCallback(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: motion(300) }), [flow]);
}
