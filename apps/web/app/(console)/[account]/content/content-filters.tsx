"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import {
  CONTENT_STATUSES,
  CONTENT_TYPES,
  type ContentStatus,
  type ContentType,
  STATUS_LABELS,
  TYPE_LABELS,
} from "./content-model";
import { ContentCampaignOptionsQuery } from "./content-operations";

export type ContentFilterValues = {
  statuses: ContentStatus[];
  type: ContentType | "";
  campaignId: string;
  search: string;
};

export const NO_CONTENT_FILTER: ContentFilterValues = { statuses: [], type: "", campaignId: "", search: "" };

export function hasFilter(values: ContentFilterValues): boolean {
  return (
    values.statuses.length > 0 ||
    values.type !== "" ||
    values.campaignId !== "" ||
    values.search.trim() !== ""
  );
}

/** The GraphQL ContentItemFilter for the chosen values (no status chosen: all but archived). */
export function toContentFilter(values: ContentFilterValues) {
  return {
    statuses: values.statuses.length > 0 ? values.statuses : null,
    types: values.type ? [values.type] : null,
    campaignId: values.campaignId || null,
    search: values.search.trim() || null,
  };
}

/** Filters that apply as they change; the search box once typing pauses. */
export function ContentFilters({ onChange }: { onChange: (values: ContentFilterValues) => void }) {
  const campaigns = useAccountQuery(ContentCampaignOptionsQuery, {});
  const [statuses, setStatuses] = useState<ContentStatus[]>([]);
  const [type, setType] = useState<ContentType | "">("");
  const [campaignId, setCampaignId] = useState("");
  const [search, setSearch] = useState("");
  const settledSearch = useDebouncedValue(search);

  useEffect(() => {
    onChange({ statuses, type, campaignId, search: settledSearch });
  }, [onChange, statuses, type, campaignId, settledSearch]);

  function toggle(status: ContentStatus, checked: boolean) {
    setStatuses((current) =>
      checked
        ? CONTENT_STATUSES.filter((s) => s === status || current.includes(s))
        : current.filter((s) => s !== status),
    );
  }

  function clear() {
    setStatuses([]);
    setType("");
    setCampaignId("");
    setSearch("");
  }

  return (
    <search aria-label="Filter content" className="block space-y-4 border-b border-zinc-200 p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
        <FormField id="content-search" label="Search">
          <TextInput
            id="content-search"
            type="search"
            placeholder="Part of the title, subject or text"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </FormField>
        <FormField id="content-type-filter" label="Type">
          <SelectInput
            id="content-type-filter"
            value={type}
            onChange={(event) => setType(event.target.value as ContentType | "")}
          >
            <option value="">Any type</option>
            {CONTENT_TYPES.map((value) => (
              <option key={value} value={value}>
                {TYPE_LABELS[value]}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField id="content-campaign-filter" label="Campaign">
          <SelectInput
            id="content-campaign-filter"
            value={campaignId}
            onChange={(event) => setCampaignId(event.target.value)}
          >
            <option value="">Any campaign</option>
            {(campaigns.data?.campaigns.nodes ?? []).map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <div className="flex items-end">
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Status (none chosen: all but archived)</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {CONTENT_STATUSES.map((status) => (
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
