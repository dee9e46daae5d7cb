"use client";

// The small labelled controls the condition rows are built from, and the value box whose shape
// follows the operator (none, one value, a comma-separated list) and the value's type.
import { type ReactNode, useId } from "react";
import { inputClasses } from "@/components/ui/form-field";
import {
  COMPARISON_LABELS,
  COMPARISONS,
  CONTACT_STATUS_VALUES,
  type Comparison,
  type ContactField,
  takesList,
  takesNoValue,
  type ValueType,
} from "./condition-drafts";

export const controlClasses = `${inputClasses} py-1.5`;

/** A small label above its control; `children` receives the id the control must carry. */
export function Control({
  label,
  children,
  grow,
}: {
  label: string;
  children: (id: string) => ReactNode;
  grow?: boolean;
}) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-1 ${grow ? "min-w-40 flex-1" : ""}`}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-600">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <Control label={label}>
      {(id) => (
        <select
          id={id}
          className={`${controlClasses} pr-8`}
          value={value}
          onChange={(event) => onChange(event.target.value as T)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

export const labelled = <T extends string>(all: readonly T[], labels: Record<T, string>) =>
  all.map((value) => ({ value, label: labels[value] }));

export const COMPARISON_OPTIONS = labelled(COMPARISONS, COMPARISON_LABELS);

export function ValueInput({
  op,
  valueType,
  value,
  onChange,
  field,
}: {
  op: Comparison;
  valueType: ValueType;
  value: string;
  onChange: (value: string) => void;
  field?: ContactField;
}) {
  if (takesNoValue(op)) return null;
  if (takesList(op)) {
    return (
      <Control label="Values (comma-separated)" grow>
        {(id) => (
          <input
            id={id}
            className={controlClasses}
            value={value}
            autoComplete="off"
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Control>
    );
  }
  if (valueType === "boolean") {
    return (
      <Select
        label="Value"
        value={value === "true" ? "true" : "false"}
        options={[
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
        onChange={onChange}
      />
    );
  }
  if (field === "status") {
    return (
      <Select
        label="Value"
        value={(CONTACT_STATUS_VALUES as readonly string[]).includes(value) ? value : "active"}
        options={CONTACT_STATUS_VALUES.map((status) => ({
          value: status,
          label: status.charAt(0).toUpperCase() + status.slice(1),
        }))}
        onChange={onChange}
      />
    );
  }
  return (
    <Control label="Value" grow>
      {(id) => (
        <input
          id={id}
          className={controlClasses}
          type={field === "created_at" || valueType === "date" ? "date" : "text"}
          inputMode={valueType === "number" ? "decimal" : undefined}
          value={value}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Control>
  );
}
