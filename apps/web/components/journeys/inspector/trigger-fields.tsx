"use client";

import { FormField, SelectInput } from "@/components/ui/form-field";
import type { Trigger } from "../journey-definition";
import { TRIGGER_LABELS } from "../node-catalog";
import { EventTypeInput } from "./event-type-input";
import { fieldId, type StepFieldsProps } from "./field-props";
import { OptionSelect } from "./option-select";
import { useSegmentOptions } from "./use-step-options";

const DEFAULTS: Record<Trigger["type"], Trigger> = {
  manual: { type: "manual" },
  segment_entry: { type: "segment_entry", segmentId: "" },
  event: { type: "event", eventType: "" },
};

export function TriggerFields({ step, update }: StepFieldsProps<"trigger">) {
  const { trigger } = step;
  const segments = useSegmentOptions();
  const set = (next: Trigger, field?: string) => update((s) => ({ ...s, trigger: next }), field);

  return (
    <>
      <FormField id={fieldId(step, "trigger-type")} label="Contacts enter when">
        <SelectInput
          id={fieldId(step, "trigger-type")}
          value={trigger.type}
          onChange={(event) => set(DEFAULTS[event.target.value as Trigger["type"]])}
        >
          {Object.entries(TRIGGER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectInput>
      </FormField>
      {trigger.type === "manual" ? (
        <p className="rounded-md bg-zinc-50 p-3 text-xs text-zinc-600">
          Enrol contacts with “Enrol contacts” once the journey is active, or through the API's enrolContacts
          mutation.
        </p>
      ) : null}
      {trigger.type === "segment_entry" ? (
        <OptionSelect
          id={fieldId(step, "segment")}
          label="Segment"
          value={trigger.segmentId}
          options={segments.options}
          loading={segments.isPending}
          placeholder="Choose a segment"
          empty="No segments yet: create one under Segments."
          hint="Each contact who enters the segment enters the journey."
          onChange={(segmentId) => set({ type: "segment_entry", segmentId })}
        />
      ) : null}
      {trigger.type === "event" ? (
        <EventTypeInput
          id={fieldId(step, "event-type")}
          label="Event"
          value={trigger.eventType}
          onChange={(eventType) => set({ type: "event", eventType }, "event-type")}
        />
      ) : null}
    </>
  );
}
