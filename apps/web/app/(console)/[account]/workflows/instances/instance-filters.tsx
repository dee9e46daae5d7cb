"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { CheckboxGroup } from "@/components/filters/checkbox-group";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterSelect, FilterText } from "@/components/filters/filter-fields";
import { FormField, TextInput } from "@/components/ui/form-field";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import {
  INSTANCE_STATUS_LABELS,
  INSTANCE_STATUSES,
  type InstanceStatus,
  PRIORITIES,
  PRIORITY_LABELS,
  type Priority,
} from "../workflow-model";
import { WorkflowDefinitionOptionsQuery } from "../workflow-operations";

export type InstanceFilterValues = {
  statuses: InstanceStatus[];
  definitionId: string;
  priority: Priority | "";
  correlationId: string;
  /** Days as the date inputs give them ("2026-11-22"), in the browser's time zone. */
  createdFrom: string;
  createdTo: string;
};

export const NO_INSTANCE_FILTER: InstanceFilterValues = {
  statuses: [],
  definitionId: "",
  priority: "",
  correlationId: "",
  createdFrom: "",
  createdTo: "",
};

export function hasInstanceFilter(values: InstanceFilterValues): boolean {
  return (
    values.statuses.length > 0 ||
    values.definitionId !== "" ||
    values.priority !== "" ||
    values.correlationId.trim() !== "" ||
    values.createdFrom !== "" ||
    values.createdTo !== ""
  );
}

/** Local midnight of a day, as an instant; `nextDay` gives the end of the day (exclusive). */
function dayStart(day: string, nextDay = false): string | null {
  if (!day) return null;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return null;
  if (nextDay) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The GraphQL WorkflowInstanceFilter for the chosen values. */
export function toInstanceFilter(values: InstanceFilterValues) {
  return {
    status: values.statuses.length > 0 ? values.statuses : null,
    definitionId: values.definitionId || null,
    priority: values.priority || null,
    correlationId: values.correlationId.trim() || null,
    createdAfter: dayStart(values.createdFrom),
    createdBefore: dayStart(values.createdTo, true),
  };
}

/** Selects apply at once, the correlation id once typing pauses. */
export function InstanceFilters({ onChange }: { onChange: (values: InstanceFilterValues) => void }) {
  const [values, setValues] = useState<InstanceFilterValues>(NO_INSTANCE_FILTER);
  const correlationId = useDebouncedValue(values.correlationId);
  const options = useAccountQuery(WorkflowDefinitionOptionsQuery, {});
  const definitions = (options.data?.workflowDefinitions.nodes ?? []).flatMap((definition) =>
    [...definition.versions]
      .sort((a, b) => b.version - a.version)
      .map((version) => ({ value: version.id, label: `${definition.name} v${version.version}` })),
  );
  const set = <K extends keyof InstanceFilterValues>(key: K, value: InstanceFilterValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  useEffect(() => onChange({ ...values, correlationId }), [onChange, values, correlationId]);

  return (
    <FilterBar
      label="Filter instances"
      onClear={() => setValues(NO_INSTANCE_FILTER)}
      below={
        <div className="flex flex-wrap items-end gap-6">
          <CheckboxGroup
            legend="Status"
            all={INSTANCE_STATUSES}
            labels={INSTANCE_STATUS_LABELS}
            value={values.statuses}
            onChange={(statuses) => set("statuses", statuses)}
          />
          <FormField id="instances-created-from" label="Created from">
            <TextInput
              id="instances-created-from"
              type="date"
              value={values.createdFrom}
              onChange={(event) => set("createdFrom", event.target.value)}
            />
          </FormField>
          <FormField id="instances-created-to" label="Created until">
            <TextInput
              id="instances-created-to"
              type="date"
              value={values.createdTo}
              onChange={(event) => set("createdTo", event.target.value)}
            />
          </FormField>
        </div>
      }
    >
      <FilterText
        id="instances-correlation"
        label="Correlation id"
        autoComplete="off"
        value={values.correlationId}
        onChange={(value) => set("correlationId", value)}
      />
      <FilterSelect
        id="instances-definition"
        label="Workflow"
        anyLabel="Any workflow"
        options={definitions}
        value={values.definitionId}
        onChange={(value) => set("definitionId", value)}
      />
      <FilterSelect
        id="instances-priority"
        label="Priority"
        anyLabel="Any priority"
        options={PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }))}
        value={values.priority}
        onChange={(value) => set("priority", value)}
      />
    </FilterBar>
  );
}
