"use client";

import { Checkbox } from "@/components/filters/checkbox-group";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import type { Wait } from "../journey-definition";
import { WAIT_LABELS, WEEKDAYS } from "../node-catalog";
import { DurationFields } from "./duration-fields";
import { EventTypeInput } from "./event-type-input";
import { fieldId, type StepFieldsProps } from "./field-props";

const DEFAULTS: Record<Wait["type"], Wait> = {
  duration: { type: "duration", duration: { amount: 1, unit: "days" } },
  until_time: { type: "until_time", time: "09:00", weekdays: [] },
  until_event: { type: "until_event", eventType: "email_opened", timeout: { amount: 3, unit: "days" } },
};

export function WaitFields({ step, update }: StepFieldsProps<"wait">) {
  const { wait } = step;
  const set = (next: Wait, field?: string) => update((s) => ({ ...s, wait: next }), field);

  return (
    <>
      <FormField id={fieldId(step, "wait-type")} label="Wait">
        <SelectInput
          id={fieldId(step, "wait-type")}
          value={wait.type}
          onChange={(event) => set(DEFAULTS[event.target.value as Wait["type"]])}
        >
          {Object.entries(WAIT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectInput>
      </FormField>
      {wait.type === "duration" ? (
        <DurationFields
          id={fieldId(step, "duration")}
          label="How long"
          value={wait.duration}
          hint="0 lets contacts straight through (useful to test); a loop needs a wait of a minute or more."
          onChange={(duration, field) => set({ ...wait, duration }, field)}
        />
      ) : null}
      {wait.type === "until_time" ? (
        <>
          <FormField
            id={fieldId(step, "time")}
            label="Time of day"
            hint="In each contact's own time zone: 09:00 is nine in the morning wherever they are."
          >
            <TextInput
              id={fieldId(step, "time")}
              type="time"
              value={wait.time}
              onChange={(event) => set({ ...wait, time: event.target.value }, "time")}
            />
          </FormField>
          <fieldset>
            <legend className="text-sm font-medium text-zinc-800">On (none ticked: any day)</legend>
            <div className="mt-2 grid grid-cols-4 gap-x-3 gap-y-1.5">
              {WEEKDAYS.map((day, index) => {
                const number = index + 1;
                return (
                  <Checkbox
                    key={day}
                    label={day}
                    checked={wait.weekdays.includes(number)}
                    onChange={(checked) =>
                      set({
                        ...wait,
                        weekdays: checked
                          ? [...wait.weekdays, number].sort((a, b) => a - b)
                          : wait.weekdays.filter((d) => d !== number),
                      })
                    }
                  />
                );
              })}
            </div>
          </fieldset>
        </>
      ) : null}
      {wait.type === "until_event" ? (
        <>
          <EventTypeInput
            id={fieldId(step, "event-type")}
            label="Until the contact performs"
            value={wait.eventType}
            onChange={(eventType) => set({ ...wait, eventType }, "event-type")}
          />
          <DurationFields
            id={fieldId(step, "timeout")}
            label="Or at most"
            value={wait.timeout}
            hint="Contacts who perform the event leave by “Event”; the others by “Timeout”."
            onChange={(timeout, field) => set({ ...wait, timeout }, field)}
          />
        </>
      ) : null}
    </>
  );
}
