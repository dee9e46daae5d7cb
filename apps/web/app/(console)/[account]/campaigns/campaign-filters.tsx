"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
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

  function toggle(status: CampaignStatus, checked: boolean) {
    setStatuses((current) =>
      checked
        ? CAMPAIGN_STATUSES.filter((s) => s === status || current.includes(s))
        : current.filter((s) => s !== status),
    );
  }

  function clear() {
    setStatuses([]);
    setType("");
    setSearch("");
    setTag("");
  }

  return (
    <search aria-label="Filter campaigns" className="block space-y-4 border-b border-zinc-200 p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
        <FormField id="campaigns-search" label="Search">
          <TextInput
            id="campaigns-search"
            type="search"
            placeholder="Part of the name"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </FormField>
        <FormField id="campaigns-type" label="Type">
          <SelectInput
            id="campaigns-type"
            value={type}
            onChange={(event) => setType(event.target.value as CampaignType | "")}
          >
            <option value="">Any type</option>
            {CAMPAIGN_TYPES.map((value) => (
              <option key={value} value={value}>
                {TYPE_LABELS[value]}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField id="campaigns-tag" label="Tag">
          <TextInput
            id="campaigns-tag"
            placeholder="e.g. spring"
            value={tag}
            onChange={(event) => setTag(event.target.value)}
          />
        </FormField>
        <div className="flex items-end">
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Status (none chosen: all)</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {CAMPAIGN_STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-2 text-sm text-zinc-700">
              <input
                type="checkbox"
                className="size-4 rounded border-zinc-300 accent-accent-600"
                checked={statuses.includes(status)}
                onChange={(event) => toggle(status, event.target.checked)}
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
    </search>
  );
}
