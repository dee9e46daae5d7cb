"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { CheckboxGroup } from "@/components/filters/checkbox-group";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterSelect, FilterText, SearchField } from "@/components/filters/filter-fields";
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  type CampaignStatus,
  type CampaignType,
  STATUS_LABELS,
  TYPE_LABELS,
} from "./campaign-model";

export type CampaignFilterValues = {
  statuses: CampaignStatus[];
  type: CampaignType | "";
  search: string;
  tag: string;
};

export const NO_CAMPAIGN_FILTER: CampaignFilterValues = { statuses: [], type: "", search: "", tag: "" };

export function hasFilter(values: CampaignFilterValues): boolean {
  return (
    values.statuses.length > 0 ||
    values.type !== "" ||
    values.search.trim() !== "" ||
    values.tag.trim() !== ""
  );
}

/** The GraphQL CampaignFilter for the chosen values; `deleted` picks the trash. */
export function toCampaignFilter(values: CampaignFilterValues, deleted: boolean) {
  return {
    statuses: values.statuses.length > 0 ? values.statuses : null,
    type: values.type || null,
    search: values.search.trim() || null,
    tag: values.tag.trim() || null,
    deleted,
  };
}

/**
 * Filters that apply as they change: statuses and type at once, the search and tag boxes once
 * typing pauses (so the list is not queried on every key).
 */
export function CampaignFilters({ onChange }: { onChange: (values: CampaignFilterValues) => void }) {
  const [statuses, setStatuses] = useState<CampaignStatus[]>([]);
  const [type, setType] = useState<CampaignType | "">("");
  const [search, setSearch] = useState("");
  const [tag, setTag] = useState("");
  const settledSearch = useDebouncedValue(search);
  const settledTag = useDebouncedValue(tag);

  useEffect(() => {
    onChange({ statuses, type, search: settledSearch, tag: settledTag });
  }, [onChange, statuses, type, settledSearch, settledTag]);

  function clear() {
    setStatuses([]);
    setType("");
    setSearch("");
    setTag("");
  }

  return (
    <FilterBar
      label="Filter campaigns"
      onClear={clear}
      below={
        <CheckboxGroup
          legend="Status (none chosen: all)"
          all={CAMPAIGN_STATUSES}
          labels={STATUS_LABELS}
          value={statuses}
          onChange={setStatuses}
        />
      }
    >
      <SearchField id="campaigns-search" placeholder="Part of the name" value={search} onChange={setSearch} />
      <FilterSelect
        id="campaigns-type"
        label="Type"
        anyLabel="Any type"
        options={CAMPAIGN_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }))}
        value={type}
        onChange={setType}
      />
      <FilterText id="campaigns-tag" label="Tag" placeholder="e.g. spring" value={tag} onChange={setTag} />
    </FilterBar>
  );
}
