"use client";

import { KNOWN_EVENT_TYPES } from "@/components/segments/condition-drafts";
import { FormField, TextInput } from "@/components/ui/form-field";

/** An event type: the product's own (suggested) or any custom name integrators send. */
export function EventTypeInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <FormField
      id={id}
      label={label}
      hint="One of the product's events, or a custom event your integration sends."
    >
      <TextInput
        id={id}
        list={`${id}-known`}
        value={value}
        autoComplete="off"
        placeholder="e.g. email_opened or order_placed"
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={`${id}-known`}>
        {KNOWN_EVENT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
    </FormField>
  );
}
