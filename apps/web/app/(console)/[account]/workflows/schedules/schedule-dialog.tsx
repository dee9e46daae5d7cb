// Create or edit a schedule: name, workflow, cron expression read in an IANA time zone, what to do
// about runs missed while the scheduler was down, priority and the input of every run.
"use client";

import { type FormEvent, useState } from "react";
import { TimeZoneSelect } from "@/components/campaigns/time-zone-select";
import { Checkbox } from "@/components/filters/checkbox-group";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";
import { parseJsonObject } from "@/components/workflows/parse-json";
import { useAccountMutation, useAccountQuery, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { PRIORITIES, PRIORITY_LABELS, type Priority } from "../workflow-model";
import { WorkflowDefinitionOptionsQuery } from "../workflow-operations";
import {
  CreateWorkflowScheduleMutation,
  SCHEDULE_QUERIES,
  UpdateWorkflowScheduleMutation,
} from "./schedule-operations";
import type { ScheduleItem } from "./use-schedule-pages";

type MissedRunPolicy = ScheduleItem["missedRunPolicy"];
type Field = "name" | "definitionId" | "cron" | "timeZone" | "input";
type Errors = Partial<Record<Field | "form", string>>;
const FIELDS: readonly string[] = ["name", "definitionId", "cron", "timeZone", "input"];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** "New schedule" and its dialog. */
export function ScheduleButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New schedule</Button>
      {open ? <ScheduleDialog schedule={null} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** The form for a new schedule (`schedule` null) or an existing one; mounted while open. */
export function ScheduleDialog({
  schedule,
  onClose,
}: {
  schedule: ScheduleItem | null;
  onClose: () => void;
}) {
  const create = useAccountMutation(CreateWorkflowScheduleMutation);
  const update = useAccountMutation(UpdateWorkflowScheduleMutation);
  const refresh = useRefreshAccountQueries();
  const options = useAccountQuery(WorkflowDefinitionOptionsQuery, {});
  const [name, setName] = useState(schedule?.name ?? "");
  const [definitionId, setDefinitionId] = useState(schedule?.definition.id ?? "");
  const [cron, setCron] = useState(schedule?.cron ?? "0 9 * * 1-5");
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? browserZone());
  const [missedRunPolicy, setMissedRunPolicy] = useState<MissedRunPolicy>(
    schedule?.missedRunPolicy ?? "SKIP",
  );
  const [priority, setPriority] = useState<Priority>(schedule?.priority ?? "NORMAL");
  const [input, setInput] = useState(schedule ? JSON.stringify(schedule.input, null, 2) : "{}");
  const [enabled, setEnabled] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const pending = create.isPending || update.isPending;
  const definitions = options.data?.workflowDefinitions.nodes ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Errors = {};
    if (!name.trim()) next.name = "Name the schedule.";
    if (!schedule && !definitionId) next.definitionId = "Choose the workflow to start.";
    if (!cron.trim()) next.cron = "Give a cron expression, e.g. 0 9 * * 1-5.";
    const parsed = parseJsonObject(input, "The input");
    if (!parsed.ok) next.input = parsed.error;
    if (Object.keys(next).length > 0 || !parsed.ok) return setErrors(next);
    setErrors({});
    const fields = {
      name: name.trim(),
      cron: cron.trim(),
      timeZone,
      input: parsed.value,
      priority,
      missedRunPolicy,
    };
    try {
      const payload = schedule
        ? (await update.mutateAsync({ input: { id: schedule.id, version: schedule.version, ...fields } }))
            .updateWorkflowSchedule
        : (await create.mutateAsync({ input: { ...fields, definitionId, enabled } })).createWorkflowSchedule;
      if (payload.userErrors.length > 0 || !payload.schedule) {
        const shown: Errors = {};
        for (const error of payload.userErrors) {
          const field = error.field?.split(".").at(-1);
          if (error.code === "CONFLICT")
            shown.form = "Someone changed this schedule meanwhile: close, and edit it again.";
          else if (field && FIELDS.includes(field)) shown[field as Field] = error.message;
          else shown.form = error.message;
        }
        return setErrors(shown);
      }
      await refresh(SCHEDULE_QUERIES);
      onClose();
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : "Could not save the schedule." });
    }
  }

  const title = schedule ? `Edit ${schedule.name}` : "New schedule";
  return (
    <Modal
      open
      onClose={() => (pending ? undefined : onClose())}
      title={title}
      description="Each run starts the newest active version of the workflow."
    >
      <form onSubmit={submit} noValidate aria-label={title} className="space-y-4">
        <FormField id="schedule-name" label="Name" error={errors.name}>
          <TextInput
            id="schedule-name"
            value={name}
            maxLength={200}
            autoComplete="off"
            invalid={!!errors.name}
            data-autofocus
            onChange={(event) => setName(event.target.value)}
          />
        </FormField>
        {schedule ? (
          <p className="text-sm text-zinc-600">Workflow: {schedule.definition.name}</p>
        ) : (
          <FormField id="schedule-definition" label="Workflow" error={errors.definitionId}>
            <SelectInput
              id="schedule-definition"
              value={definitionId}
              invalid={!!errors.definitionId}
              onChange={(event) => setDefinitionId(event.target.value)}
            >
              <option value="">{options.isPending ? "Loading workflows…" : "Choose a workflow"}</option>
              {definitions.map((definition) => (
                <option key={definition.id} value={definition.id}>
                  {definition.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="schedule-cron"
            label="Cron expression"
            hint="Minute hour day month weekday, e.g. 0 9 * * 1-5 (9:00 on weekdays)."
            error={errors.cron}
          >
            <TextInput
              id="schedule-cron"
              className="font-mono"
              value={cron}
              autoComplete="off"
              spellCheck={false}
              invalid={!!errors.cron}
              onChange={(event) => setCron(event.target.value)}
            />
          </FormField>
          <FormField id="schedule-zone" label="Time zone" error={errors.timeZone}>
            <TimeZoneSelect
              id="schedule-zone"
              value={timeZone}
              current={timeZone}
              invalid={!!errors.timeZone}
              onChange={(event) => setTimeZone(event.target.value)}
            />
          </FormField>
          <FormField id="schedule-missed" label="Missed runs">
            <SelectInput
              id="schedule-missed"
              value={missedRunPolicy}
              onChange={(event) => setMissedRunPolicy(event.target.value as MissedRunPolicy)}
            >
              <option value="SKIP">Skip them</option>
              <option value="CATCH_UP_ONCE">Catch up once</option>
            </SelectInput>
          </FormField>
          <FormField id="schedule-priority" label="Priority">
            <SelectInput
              id="schedule-priority"
              value={priority}
              onChange={(event) => setPriority(event.target.value as Priority)}
            >
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {PRIORITY_LABELS[value]}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <FormField id="schedule-input" label="Input of every run (JSON)" error={errors.input}>
          <TextArea
            id="schedule-input"
            rows={4}
            spellCheck={false}
            className="font-mono text-xs"
            value={input}
            invalid={!!errors.input}
            onChange={(event) => setInput(event.target.value)}
          />
        </FormField>
        {schedule ? null : <Checkbox label="Enabled" checked={enabled} onChange={setEnabled} />}
        <FieldError message={errors.form} />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : schedule ? "Save schedule" : "Create schedule"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
