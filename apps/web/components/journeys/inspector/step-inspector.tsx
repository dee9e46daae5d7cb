// The side drawer editing the selected step: its name, the form for its kind, where it leads, and
// its problems. Every change goes straight into the draft (undoable); saving stores the draft.
"use client";

import { Button } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import type { JourneyProblem } from "../builder-context";
import type { JourneyNode, NodeKind, NodeOf } from "../journey-definition";
import type { StepEdge, StepNode } from "../journey-flow";
import { KIND_LABELS, nodeTitle } from "../node-catalog";
import { StepIcon } from "../step-icon";
import { ActionFields } from "./action-fields";
import { ConditionFields } from "./condition-fields";
import { fieldId } from "./field-props";
import { NextStepFields } from "./next-step-fields";
import { SplitFields } from "./split-fields";
import { TriggerFields } from "./trigger-fields";
import { WaitFields } from "./wait-fields";

type StepInspectorProps = {
  step: JourneyNode;
  nodes: readonly StepNode[];
  edges: readonly StepEdge[];
  problems: readonly JourneyProblem[];
  readOnly: boolean;
  update: (recipe: (step: JourneyNode) => JourneyNode, field?: string) => void;
  setNext: (sourceHandle: string | null, target: string | null) => void;
  onRemove: () => void;
};

export function StepInspector({
  step,
  nodes,
  edges,
  problems,
  readOnly,
  update,
  setNext,
  onRemove,
}: StepInspectorProps) {
  // Each kind's fields change only their kind of step; the cast is safe because `step.kind` chose them.
  const typed = <K extends NodeKind>() => ({
    step: step as NodeOf<K>,
    update: update as unknown as (recipe: (step: NodeOf<K>) => NodeOf<K>, field?: string) => void,
    readOnly,
  });

  return (
    <div className="space-y-5">
      <div className="flex items-center gap-2.5">
        <StepIcon step={step} />
        <div className="min-w-0">
          <p className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
            {KIND_LABELS[step.kind]}
          </p>
          <p className="truncate text-sm font-semibold text-zinc-900">{nodeTitle(step)}</p>
        </div>
        <span className="ml-auto font-mono text-[11px] text-zinc-400" title="Step id">
          {step.id}
        </span>
      </div>
      {problems.length > 0 ? (
        <ul
          className="space-y-1 rounded-md bg-red-50 p-3 text-sm text-red-800"
          aria-label="Problems with this step"
        >
          {problems.map((problem) => (
            <li key={`${problem.code}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <fieldset disabled={readOnly} className="space-y-4">
        <FormField
          id={fieldId(step, "label")}
          label="Name on the canvas"
          hint="Optional: says what this step is for."
        >
          <TextInput
            id={fieldId(step, "label")}
            value={step.label}
            maxLength={120}
            autoComplete="off"
            placeholder={nodeTitle(step)}
            onChange={(event) => update((s) => ({ ...s, label: event.target.value }), "label")}
          />
        </FormField>
        {step.kind === "trigger" ? <TriggerFields {...typed<"trigger">()} /> : null}
        {step.kind === "wait" ? <WaitFields {...typed<"wait">()} /> : null}
        {step.kind === "split" ? <SplitFields {...typed<"split">()} /> : null}
        {step.kind === "action" ? <ActionFields {...typed<"action">()} /> : null}
        {step.kind === "condition" || step.kind === "goal" ? (
          <section
            className="space-y-2"
            aria-label={step.kind === "goal" ? "Goal reached when" : "Condition"}
          >
            <p className="text-sm font-medium text-zinc-800">
              {step.kind === "goal" ? "Converted when the contact matches" : "Yes when the contact matches"}
            </p>
            <ConditionFields
              value={step.check}
              disabled={readOnly}
              onChange={(check) => update((s) => ({ ...s, check }) as JourneyNode, "check")}
            />
          </section>
        ) : null}
        {step.kind === "exit" ? (
          <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
            Contacts who get here have finished the journey.
          </p>
        ) : null}
        <NextStepFields step={step} nodes={nodes} edges={edges} onChange={setNext} />
      </fieldset>
      {readOnly ? null : (
        <div className="border-t border-zinc-100 pt-4">
          <Button variant="danger" size="sm" onClick={onRemove}>
            Delete this step
          </Button>
        </div>
      )}
    </div>
  );
}
