"use client";

import { Button } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import type { SplitBranch } from "../journey-definition";
import { fieldId, type StepFieldsProps } from "./field-props";
import { NumberInput } from "./number-input";

const MAX_BRANCHES = 10;

/** The first branch key not taken: a, b, c… */
function nextKey(branches: readonly SplitBranch[]): string {
  const taken = new Set(branches.map((branch) => branch.key));
  for (const letter of "abcdefghijklmnopqrstuvwxyz") if (!taken.has(letter)) return letter;
  return `branch-${branches.length + 1}`;
}

export function SplitFields({ step, update }: StepFieldsProps<"split">) {
  const total = step.branches.reduce((sum, branch) => sum + branch.percent, 0) + step.holdoutPercent;
  const setBranch = (index: number, change: Partial<SplitBranch>, field?: string) =>
    update(
      (s) => ({ ...s, branches: s.branches.map((b, i) => (i === index ? { ...b, ...change } : b)) }),
      field,
    );

  /** Shares spread evenly over the branches, the remainder to the first ones. */
  function evenOut() {
    update((s) => {
      const share = 100 - s.holdoutPercent;
      const each = Math.floor(share / s.branches.length);
      const rest = share - each * s.branches.length;
      return { ...s, branches: s.branches.map((b, i) => ({ ...b, percent: each + (i < rest ? 1 : 0) })) };
    });
  }

  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Branches</legend>
        <p className="text-xs text-zinc-500">
          Each contact lands in the same branch every time (chosen from their id), so the shares hold.
        </p>
        {step.branches.map((branch, index) => (
          <div key={branch.key} className="grid grid-cols-[minmax(0,1fr)_5rem_auto] items-end gap-2">
            <FormField
              id={fieldId(step, `branch-${branch.key}-label`)}
              label={`Branch ${branch.key.toUpperCase()} name`}
            >
              <TextInput
                id={fieldId(step, `branch-${branch.key}-label`)}
                value={branch.label}
                maxLength={60}
                onChange={(event) =>
                  setBranch(index, { label: event.target.value }, `branch-${branch.key}-label`)
                }
              />
            </FormField>
            <FormField id={fieldId(step, `branch-${branch.key}-percent`)} label="Share %">
              <NumberInput
                id={fieldId(step, `branch-${branch.key}-percent`)}
                value={branch.percent}
                max={100}
                onChange={(percent) => setBranch(index, { percent }, `branch-${branch.key}-percent`)}
              />
            </FormField>
            <Button
              variant="ghost"
              size="sm"
              disabled={step.branches.length <= 2}
              onClick={() => update((s) => ({ ...s, branches: s.branches.filter((_, i) => i !== index) }))}
              aria-label={`Remove branch ${branch.label || branch.key}`}
            >
              Remove
            </Button>
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={step.branches.length >= MAX_BRANCHES}
            onClick={() =>
              update((s) => {
                const key = nextKey(s.branches);
                return { ...s, branches: [...s.branches, { key, label: key.toUpperCase(), percent: 0 }] };
              })
            }
          >
            Add branch
          </Button>
          <Button variant="ghost" size="sm" onClick={evenOut}>
            Share evenly
          </Button>
        </div>
      </fieldset>
      <FormField
        id={fieldId(step, "holdout")}
        label="Holdout %"
        hint="A control group: this share leaves the journey at the split, to compare against."
      >
        <NumberInput
          id={fieldId(step, "holdout")}
          value={step.holdoutPercent}
          max={100}
          onChange={(holdoutPercent) => update((s) => ({ ...s, holdoutPercent }), "holdout")}
        />
      </FormField>
      <p
        role="status"
        className={`rounded-md p-2 text-sm ${total === 100 ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
      >
        Total {total}%{total === 100 ? "" : ": the branches and the holdout must add up to 100%."}
      </p>
    </>
  );
}
