"use client";

import Link from "next/link";
import { useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { useConsole } from "@/components/console/console-context";
import { FilterSelect, FilterText, SearchField } from "@/components/filters/filter-fields";
import { UploadZone } from "@/components/media/upload-zone";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { canReadContent, canWriteContent } from "../content-model";
import { contentPath } from "../content-paths";
import { MediaGrid } from "./media-grid";
import { MEDIA_QUERIES } from "./media-operations";

const KINDS = [
  { value: "", label: "Any type" },
  { value: "image/", label: "Images" },
  { value: "video/", label: "Videos" },
  { value: "application/pdf", label: "PDFs" },
];

/** The account's images, videos and PDFs: upload, describe (alt text, tags), find and delete them. */
export function MediaView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const refresh = useRefreshAccountQueries();
  const role = account?.viewerRole;
  const canWrite = canWriteContent(role);
  const [search, setSearch] = useState("");
  const [tag, setTag] = useState("");
  const [mimePrefix, setMimePrefix] = useState("");
  const settledSearch = useDebouncedValue(search);
  const settledTag = useDebouncedValue(tag);

  return (
    <>
      <Link href={contentPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All content
      </Link>
      <PageHeader
        title="Media library"
        description="Images, videos and PDFs for your content; describe each image for people who cannot see it."
      />
      {!canReadContent(role) ? (
        <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">Your role does not include content.</p>
      ) : (
        <>
          {canWrite ? null : (
            <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
              You can see the library; owners, admins and members upload and change media.
            </p>
          )}
          <Panel>
            {canWrite ? (
              <UploadZone accountSlug={accountSlug} onUploaded={() => void refresh(MEDIA_QUERIES)} />
            ) : null}
            <search
              aria-label="Filter media"
              className="grid gap-4 border-b border-zinc-200 p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]"
            >
              <SearchField
                id="media-search"
                placeholder="Part of the file name or alt text"
                value={search}
                onChange={setSearch}
              />
              <FilterSelect
                id="media-kind"
                label="Type"
                options={KINDS}
                value={mimePrefix}
                onChange={setMimePrefix}
              />
              <FilterText id="media-tag" label="Tag" autoComplete="off" value={tag} onChange={setTag} />
            </search>
            <MediaGrid filter={{ search: settledSearch, tag: settledTag, mimePrefix }} canWrite={canWrite} />
          </Panel>
        </>
      )}
    </>
  );
}
