"use client";

import { FormField, SelectInput } from "@/components/ui/form-field";
import type { Duration, DurationUnit } from "../journey-definition";
import { NumberInput } from "./number-input";

const UNITS: { value: DurationUnit; label: string }[] = [
  { value: "minutes", label: "Minutes" },
  { value: "hours", label: "Hours" },
  { value: "days", label: "Days" },
];

/** An amount and its unit ("3 days"), side by side. */
export function DurationFields({
  id,
  label,
  value,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  value: Duration;
  onChange: (value: Duration, field: string) => void;
  hint?: string;
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-zinc-800">{label}</legend>
      <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-2">
        <FormField id={`${id}-amount`} label="Amount">
          <NumberInput
            id={`${id}-amount`}
            value={value.amount}
            max={100_000}
            onChange={(amount) => onChange({ ...value, amount }, `${id}-amount`)}
          />
        </FormField>
        <FormField id={`${id}-unit`} label="Unit">
          <SelectInput
            id={`${id}-unit`}
            value={value.unit}
            onChange={(event) =>
              onChange({ ...value, unit: event.target.value as DurationUnit }, `${id}-unit`)
            }
          >
            {UNITS.map((unit) => (
              <option key={unit.value} value={unit.value}>
                {unit.label}
              </option>
            ))}
          </SelectInput>
        </FormField>
      </div>
      {hint ? <p className="text-xs text-zinc-500">{hint}</p> : null}
    </fieldset>
  );
}
