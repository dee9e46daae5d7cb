// A connection between two steps: a rounded elbow with an arrow, green or red when it leaves by a
// Yes / No (or Event / Timeout) handle, and a delete button on it while it is selected.
"use client";

import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  type EdgeTypes,
  getSmoothStepPath,
  useReactFlow,
} from "@xyflow/react";
import { memo } from "react";
import { useBuilder } from "./builder-context";
import type { StepEdge as StepEdgeType } from "./journey-flow";

const STROKES = { neutral: "#a1a1aa", yes: "#059669", no: "#dc2626" } as const;

function StepEdge(props: EdgeProps<StepEdgeType>) {
  const { id, data, selected, markerEnd } = props;
  const { readOnly } = useBuilder();
  const { deleteElements } = useReactFlow();
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 12, offset: 24 });
  const tone = data?.tone ?? "neutral";

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke: selected ? "#4f46e5" : STROKES[tone], strokeWidth: selected ? 2.5 : 1.75 }}
      />
      {selected && !readOnly ? (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <button
              type="button"
              onClick={() => deleteElements({ edges: [{ id }] })}
              className="grid size-5 place-items-center rounded-full bg-white text-xs text-zinc-700 shadow ring-1 ring-zinc-300 hover:bg-red-50 hover:text-red-700"
              aria-label="Delete this connection"
              title="Delete this connection (Delete)"
            >
              ×
            </button>
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const STEP_EDGE_TYPES = { journey: memo(StepEdge) } satisfies EdgeTypes;
