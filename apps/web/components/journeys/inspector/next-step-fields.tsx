"use client";

import { FormField, SelectInput } from "@/components/ui/form-field";
import type { JourneyNode } from "../journey-definition";
import type { StepEdge, StepNode } from "../journey-flow";
import { nodeTitle, outputHandles } from "../node-catalog";
import { fieldId } from "./field-props";

/** A step's name in a list: its own name, or its kind and id. */
export function stepName(step: JourneyNode): string {
  return step.label.trim() ? step.label.trim() : `${nodeTitle(step)} (${step.id})`;
}

/**
 * Where each way out of the step leads, as selects: the keyboard's way to connect steps (the
 * canvas connects by dragging a handle) and a plain list of the wiring for screen readers.
 */
export function NextStepFields({
  step,
  nodes,
  edges,
  onChange,
}: {
  step: JourneyNode;
  nodes: readonly StepNode[];
  edges: readonly StepEdge[];
  onChange: (sourceHandle: string | null, target: string | null) => void;
}) {
  const outputs = outputHandles(step);
  if (outputs.length === 0) return null;
  const targets = nodes.filter((node) => node.id !== step.id && node.data.step.kind !== "trigger");

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-zinc-900">Then</legend>
      {outputs.map((output) => {
        const id = fieldId(step, `next-${output.id ?? "next"}`);
        const current = edges.find(
          (edge) => edge.source === step.id && (edge.sourceHandle ?? null) === output.id,
        );
        const label = output.id === null ? "Next step" : `If ${output.label}, go to`;
        return (
          <FormField key={output.id ?? "next"} id={id} label={label}>
            <SelectInput
              id={id}
              value={current?.target ?? ""}
              onChange={(event) => onChange(output.id, event.target.value || null)}
            >
              <option value="">{step.kind === "goal" ? "Nothing (stop here)" : "Not connected"}</option>
              {targets.map((node) => (
                <option key={node.id} value={node.id}>
                  {stepName(node.data.step)}
                </option>
              ))}
            </SelectInput>
          </FormField>
        );
      })}
    </fieldset>
  );
}
