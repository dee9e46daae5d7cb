"use client";

import { FormField, SelectInput } from "@/components/ui/form-field";
import type { StepOption } from "./use-step-options";

/** A labelled select of options loaded from the API; a saved id no longer listed stays shown. */
export function OptionSelect({
  id,
  label,
  value,
  options,
  loading,
  empty,
  placeholder,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly StepOption[];
  loading: boolean;
  /** Said when there is nothing to pick. */
  empty: string;
  placeholder: string;
  onChange: (id: string) => void;
  hint?: string;
}) {
  const missing = value !== "" && !loading && !options.some((option) => option.id === value);
  return (
    <FormField id={id} label={label} hint={!loading && options.length === 0 ? empty : hint}>
      <SelectInput
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={loading}
      >
        <option value="">{loading ? "Loading…" : placeholder}</option>
        {missing ? <option value={value}>Not found (deleted?)</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.note ? `${option.name} (${option.note})` : option.name}
          </option>
        ))}
      </SelectInput>
    </FormField>
  );
}
