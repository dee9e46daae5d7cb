"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { Checkbox } from "@/components/filters/checkbox-group";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterSelect, FilterText, SearchField } from "@/components/filters/filter-fields";
import { commaList } from "@/lib/forms/comma-list";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { SegmentOptionsQuery } from "../segments/segments-operations";
import { CONTACT_STATUSES, type ContactStatus, STATUS_LABELS } from "./contact-model";

export type ContactFilterValues = {
  search: string;
  /** Comma-separated: contacts with every one of these tags. */
  tags: string;
  status: ContactStatus | "";
  segmentId: string;
  /** The trash instead of the live contacts. */
  deleted: boolean;
};

export const NO_CONTACT_FILTER: ContactFilterValues = {
  search: "",
  tags: "",
  status: "",
  segmentId: "",
  deleted: false,
};

export function hasFilter(values: ContactFilterValues): boolean {
  return (
    values.search.trim() !== "" ||
    commaList(values.tags).length > 0 ||
    values.status !== "" ||
    values.segmentId !== ""
  );
}

/** The GraphQL ContactFilter for the chosen values. */
export function toContactFilter(values: ContactFilterValues) {
  const tags = commaList(values.tags);
  return {
    search: values.search.trim() || null,
    tags: tags.length > 0 ? tags : null,
    status: values.status || null,
    segmentId: values.segmentId || null,
    deleted: values.deleted,
  };
}

/**
 * Filters that apply as they change: status and segment at once, the search and tag boxes once
 * typing pauses (so the list is not queried on every key).
 */
export function ContactFilters({ onChange }: { onChange: (values: ContactFilterValues) => void }) {
  const [search, setSearch] = useState("");
  const [tags, setTags] = useState("");
  const [status, setStatus] = useState<ContactStatus | "">("");
  const [segmentId, setSegmentId] = useState("");
  const [deleted, setDeleted] = useState(false);
  const settledSearch = useDebouncedValue(search);
  const settledTags = useDebouncedValue(tags);
  const segments = useAccountQuery(SegmentOptionsQuery, {}, { staleTime: 60_000 });

  useEffect(() => {
    onChange({ search: settledSearch, tags: settledTags, status, segmentId, deleted });
  }, [onChange, settledSearch, settledTags, status, segmentId, deleted]);

  function clear() {
    setSearch("");
    setTags("");
    setStatus("");
    setSegmentId("");
    setDeleted(false);
  }

  return (
    <FilterBar
      label="Filter contacts"
      onClear={clear}
      below={
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
          <div className="w-full max-w-md">
            <FilterText
              id="contacts-tags"
              label="Tags"
              placeholder="e.g. vip, newsletter (all of them)"
              autoComplete="off"
              value={tags}
              onChange={setTags}
            />
          </div>
          <Checkbox
            label="Show deleted contacts (the trash)"
            checked={deleted}
            onChange={setDeleted}
            className="pb-2"
          />
        </div>
      }
    >
      <SearchField
        id="contacts-search"
        placeholder="Start of a name, email or phone"
        value={search}
        onChange={setSearch}
      />
      <FilterSelect
        id="contacts-status"
        label="Status"
        anyLabel="Any status"
        options={CONTACT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
        value={status}
        onChange={setStatus}
      />
      <FilterSelect
        id="contacts-segment"
        label="Segment"
        anyLabel={segments.isPending ? "Loading segments…" : "Any segment"}
        options={(segments.data?.segments.nodes ?? []).map((segment) => ({
          value: segment.id,
          label: segment.name,
        }))}
        value={segmentId}
        onChange={setSegmentId}
      />
    </FilterBar>
  );
}
