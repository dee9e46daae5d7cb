"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterSelect, SearchField } from "@/components/filters/filter-fields";
import { JOURNEY_STATUSES, type JourneyStatus, STATUS_LABELS } from "./journey-model";

export type JourneyFilterValues = { status: JourneyStatus | ""; search: string };

export const NO_JOURNEY_FILTER: JourneyFilterValues = { status: "", search: "" };

export function hasFilter(values: JourneyFilterValues): boolean {
  return values.status !== "" || values.search.trim() !== "";
}

/** The GraphQL JourneyFilter for the chosen values. */
export function toJourneyFilter(values: JourneyFilterValues) {
  return { status: values.status || null, search: values.search.trim() || null };
}

/** The status applies at once, the search once typing pauses. */
export function JourneyFilters({ onChange }: { onChange: (values: JourneyFilterValues) => void }) {
  const [status, setStatus] = useState<JourneyStatus | "">("");
  const [search, setSearch] = useState("");
  const settledSearch = useDebouncedValue(search);

  useEffect(() => onChange({ status, search: settledSearch }), [onChange, status, settledSearch]);

  return (
    <FilterBar
      label="Filter journeys"
      onClear={() => {
        setStatus("");
        setSearch("");
      }}
    >
      <SearchField id="journeys-search" placeholder="Part of the name" value={search} onChange={setSearch} />
      <FilterSelect
        id="journeys-status"
        label="Status"
        anyLabel="Any status"
        options={JOURNEY_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
        value={status}
        onChange={setStatus}
      />
    </FilterBar>
  );
}
