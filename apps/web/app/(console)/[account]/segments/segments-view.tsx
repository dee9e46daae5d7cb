"use client";

import Link from "next/link";
import { useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { useConsole } from "@/components/console/console-context";
import { FilterBar } from "@/components/filters/filter-bar";
import { SearchField } from "@/components/filters/filter-fields";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { canEditSegments } from "./segment-model";
import { newSegmentPath } from "./segment-paths";
import { SegmentsTable } from "./segments-table";

/** The account's segments with their member counts, searchable by name. */
export function SegmentsView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const canEdit = canEditSegments(account?.viewerRole);
  const [search, setSearch] = useState("");
  const settledSearch = useDebouncedValue(search);

  return (
    <>
      <PageHeader
        title="Segments"
        description="Groups of contacts, by conditions kept current (dynamic) or picked by hand (static)."
      >
        {canEdit ? (
          <Link href={newSegmentPath(accountSlug)} className={buttonClasses("primary")}>
            New segment
          </Link>
        ) : null}
      </PageHeader>
      <Panel>
        <FilterBar label="Filter segments" onClear={() => setSearch("")}>
          <SearchField
            id="segments-search"
            placeholder="Part of the name"
            value={search}
            onChange={setSearch}
          />
        </FilterBar>
        <SegmentsTable search={settledSearch} canEdit={canEdit} />
      </Panel>
    </>
  );
}
