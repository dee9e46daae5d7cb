"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterSelect, SearchField } from "@/components/filters/filter-fields";
import { DEFINITION_STATUS_LABELS, DEFINITION_STATUSES, type DefinitionStatus } from "./workflow-model";

export type DefinitionFilterValues = { status: DefinitionStatus | ""; search: string };

export const NO_DEFINITION_FILTER: DefinitionFilterValues = { status: "", search: "" };

export function hasDefinitionFilter(values: DefinitionFilterValues): boolean {
  return values.status !== "" || values.search.trim() !== "";
}

/** The GraphQL WorkflowDefinitionFilter for the chosen values. */
export function toDefinitionFilter(values: DefinitionFilterValues) {
  return { status: values.status || null, search: values.search.trim() || null };
}

/** The status applies at once, the search once typing pauses. */
export function DefinitionFilters({ onChange }: { onChange: (values: DefinitionFilterValues) => void }) {
  const [status, setStatus] = useState<DefinitionStatus | "">("");
  const [search, setSearch] = useState("");
  const settledSearch = useDebouncedValue(search);

  useEffect(() => onChange({ status, search: settledSearch }), [onChange, status, settledSearch]);

  return (
    <FilterBar
      label="Filter workflows"
      onClear={() => {
        setStatus("");
        setSearch("");
      }}
    >
      <SearchField id="workflows-search" placeholder="Part of the name" value={search} onChange={setSearch} />
      <FilterSelect
        id="workflows-status"
        label="Status"
        anyLabel="Any status"
        options={DEFINITION_STATUSES.map((value) => ({ value, label: DEFINITION_STATUS_LABELS[value] }))}
        value={status}
        onChange={setStatus}
      />
    </FilterBar>
  );
}
