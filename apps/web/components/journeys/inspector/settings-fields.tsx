"use client";

import { Checkbox } from "@/components/filters/checkbox-group";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import type { Condition, JourneySettings, ReEntry } from "../journey-definition";
import { ConditionFields } from "./condition-fields";
import { NumberInput } from "./number-input";

type SettingsProps = {
  settings: JourneySettings;
  update: (recipe: (settings: JourneySettings) => JourneySettings, field?: string) => void;
  readOnly: boolean;
};

const EXIT_DEFAULT: Condition = { kind: "and", conditions: [{ kind: "tag", op: "has", tag: "customer" }] };

/** Rules of the journey as a whole: who may enter again, how often they hear from us, when not. */
export function SettingsFields({ settings, update, readOnly }: SettingsProps) {
  const { reEntry, frequencyCap, quietHours, exitCriteria } = settings;

  return (
    <fieldset disabled={readOnly} className="space-y-5">
      <section className="space-y-2" aria-labelledby="settings-reentry">
        <h3 id="settings-reentry" className="text-sm font-semibold text-zinc-900">
          Re-entry
        </h3>
        <FormField id="settings-reentry-mode" label="A contact who has been through the journey">
          <SelectInput
            id="settings-reentry-mode"
            value={reEntry.mode}
            onChange={(event) => {
              const mode = event.target.value as ReEntry["mode"];
              const next: ReEntry = mode === "after" ? { mode, days: 30 } : { mode };
              update((s) => ({ ...s, reEntry: next }));
            }}
          >
            <option value="never">Never enters again</option>
            <option value="after">May enter again after some days</option>
            <option value="always">May enter again at any time</option>
          </SelectInput>
        </FormField>
        {reEntry.mode === "after" ? (
          <FormField id="settings-reentry-days" label="Days before entering again">
            <NumberInput
              id="settings-reentry-days"
              value={reEntry.days}
              min={1}
              max={3_650}
              onChange={(days) => update((s) => ({ ...s, reEntry: { mode: "after", days } }), "reentry-days")}
            />
          </FormField>
        ) : null}
      </section>

      <section className="space-y-2" aria-labelledby="settings-cap">
        <h3 id="settings-cap" className="text-sm font-semibold text-zinc-900">
          Frequency cap
        </h3>
        <Checkbox
          label="Limit marketing messages per contact (across all journeys)"
          checked={frequencyCap !== null}
          onChange={(on) =>
            update((s) => ({ ...s, frequencyCap: on ? { maxMessages: 3, periodHours: 24 } : null }))
          }
        />
        {frequencyCap ? (
          <div className="grid grid-cols-2 gap-2">
            <FormField id="settings-cap-max" label="At most (messages)">
              <NumberInput
                id="settings-cap-max"
                value={frequencyCap.maxMessages}
                min={1}
                max={1_000}
                onChange={(maxMessages) =>
                  update(
                    (s) => ({ ...s, frequencyCap: { periodHours: frequencyCap.periodHours, maxMessages } }),
                    "cap-max",
                  )
                }
              />
            </FormField>
            <FormField id="settings-cap-period" label="Per (hours)">
              <NumberInput
                id="settings-cap-period"
                value={frequencyCap.periodHours}
                min={1}
                max={8_760}
                onChange={(periodHours) =>
                  update(
                    (s) => ({ ...s, frequencyCap: { maxMessages: frequencyCap.maxMessages, periodHours } }),
                    "cap-period",
                  )
                }
              />
            </FormField>
          </div>
        ) : null}
      </section>

      <section className="space-y-2" aria-labelledby="settings-quiet">
        <h3 id="settings-quiet" className="text-sm font-semibold text-zinc-900">
          Quiet hours
        </h3>
        <Checkbox
          label="Hold messages during quiet hours (contact's time)"
          checked={quietHours !== null}
          onChange={(on) =>
            update((s) => ({ ...s, quietHours: on ? { start: "21:00", end: "08:00" } : null }))
          }
        />
        {quietHours ? (
          <div className="grid grid-cols-2 gap-2">
            <FormField id="settings-quiet-start" label="From">
              <TextInput
                id="settings-quiet-start"
                type="time"
                value={quietHours.start}
                onChange={(event) =>
                  update(
                    (s) => ({ ...s, quietHours: { end: quietHours.end, start: event.target.value } }),
                    "quiet-start",
                  )
                }
              />
            </FormField>
            <FormField id="settings-quiet-end" label="Until">
              <TextInput
                id="settings-quiet-end"
                type="time"
                value={quietHours.end}
                onChange={(event) =>
                  update(
                    (s) => ({ ...s, quietHours: { start: quietHours.start, end: event.target.value } }),
                    "quiet-end",
                  )
                }
              />
            </FormField>
          </div>
        ) : null}
      </section>

      <section className="space-y-2" aria-labelledby="settings-exit">
        <h3 id="settings-exit" className="text-sm font-semibold text-zinc-900">
          Exit criteria
        </h3>
        <Checkbox
          label="Take contacts out of the journey when they come to match"
          checked={exitCriteria !== null}
          onChange={(on) => update((s) => ({ ...s, exitCriteria: on ? EXIT_DEFAULT : null }))}
        />
        {exitCriteria ? (
          <>
            <p className="text-xs text-zinc-500">Checked before every step.</p>
            <ConditionFields
              value={exitCriteria}
              disabled={readOnly}
              onChange={(condition) => update((s) => ({ ...s, exitCriteria: condition }), "exit-criteria")}
            />
          </>
        ) : null}
      </section>
    </fieldset>
  );
}
