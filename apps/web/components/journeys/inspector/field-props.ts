// What every step's fields get: the step and a way to change it. `field` names the input being
// typed into, so a word of typing is one undo step rather than one per key.
import type { NodeKind, NodeOf } from "../journey-definition";

export type StepFieldsProps<K extends NodeKind> = {
  step: NodeOf<K>;
  update: (recipe: (step: NodeOf<K>) => NodeOf<K>, field?: string) => void;
  readOnly: boolean;
};

/** "step-action-2-subject": ids unique per step and field, so labels point at the right control. */
export const fieldId = (step: { id: string }, field: string) => `step-${step.id}-${field}`;
