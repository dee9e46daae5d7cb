"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { CheckboxGroup } from "@/components/filters/checkbox-group";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterSelect, SearchField } from "@/components/filters/filter-fields";
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

  function clear() {
    setStatuses([]);
    setType("");
    setCampaignId("");
    setSearch("");
  }

  return (
    <FilterBar
      label="Filter content"
      onClear={clear}
      below={
        <CheckboxGroup
          legend="Status (none chosen: all but archived)"
          all={CONTENT_STATUSES}
          labels={STATUS_LABELS}
          value={statuses}
          onChange={setStatuses}
        />
      }
    >
      <SearchField
        id="content-search"
        placeholder="Part of the title, subject or text"
        value={search}
        onChange={setSearch}
      />
      <FilterSelect
        id="content-type-filter"
        label="Type"
        anyLabel="Any type"
        options={CONTENT_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }))}
        value={type}
        onChange={setType}
      />
      <FilterSelect
        id="content-campaign-filter"
        label="Campaign"
        anyLabel="Any campaign"
        options={(campaigns.data?.campaigns.nodes ?? []).map((campaign) => ({
          value: campaign.id,
          label: campaign.name,
        }))}
        value={campaignId}
        onChange={setCampaignId}
      />
    </FilterBar>
  );
}
