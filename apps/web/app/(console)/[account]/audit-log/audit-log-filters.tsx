"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { AuditActorsQuery } from "./audit-log-operations";

export type AuditLogFilterValues = {
  action: string;
  entityType: string;
  actorUserId: string;
  from: string;
  to: string;
};

export const NO_FILTER: AuditLogFilterValues = {
  action: "",
  entityType: "",
  actorUserId: "",
  from: "",
  to: "",
};

/** The GraphQL AuditLogFilter for the form's values; dates cover whole days in the browser's time zone. */
export function toAuditLogFilter(values: AuditLogFilterValues) {
  return {
    action: values.action.trim() || null,
    entityType: values.entityType.trim() || null,
    actorUserId: values.actorUserId || null,
    from: values.from ? new Date(`${values.from}T00:00:00`).toISOString() : null,
    to: values.to ? new Date(`${values.to}T23:59:59.999`).toISOString() : null,
  };
}

export function AuditLogFilters({ onApply }: { onApply: (values: AuditLogFilterValues) => void }) {
  const [draft, setDraft] = useState<AuditLogFilterValues>(NO_FILTER);
  const actors = useAccountQuery(AuditActorsQuery, {});
  const set = (key: keyof AuditLogFilterValues) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  function clear() {
    setDraft(NO_FILTER);
    onApply(NO_FILTER);
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Filter audit log"
      className="grid gap-4 p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      <FormField id="audit-action" label="Action">
        <TextInput
          id="audit-action"
          placeholder="e.g. api_key.created"
          value={draft.action}
          onChange={set("action")}
        />
      </FormField>
      <FormField id="audit-entity-type" label="Entity type">
        <TextInput
          id="audit-entity-type"
          placeholder="e.g. api_key"
          value={draft.entityType}
          onChange={set("entityType")}
        />
      </FormField>
      <FormField id="audit-actor" label="Actor">
        <SelectInput id="audit-actor" value={draft.actorUserId} onChange={set("actorUserId")}>
          <option value="">Anyone</option>
          {(actors.data?.memberships.nodes ?? []).map((membership) => (
            <option key={membership.id} value={membership.user.id}>
              {membership.user.name || membership.user.email}
            </option>
          ))}
        </SelectInput>
      </FormField>
      <FormField id="audit-from" label="From">
        <TextInput id="audit-from" type="date" value={draft.from} onChange={set("from")} />
      </FormField>
      <FormField id="audit-to" label="To">
        <TextInput id="audit-to" type="date" value={draft.to} onChange={set("to")} />
      </FormField>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" onClick={clear}>
          Clear
        </Button>
      </div>
    </form>
  );
}
