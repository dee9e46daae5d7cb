"use client";

import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { MediaCard } from "./media-card";
import { type MediaFilterValues, useMediaPages } from "./use-media-pages";

/** The library as a grid of cards, newest first, 24 at a time. */
export function MediaGrid({ filter, canWrite }: { filter: MediaFilterValues; canWrite: boolean }) {
  const { pages, assets, totalCount } = useMediaPages(filter);
  const filtered = filter.search.trim() !== "" || filter.tag.trim() !== "" || filter.mimePrefix !== "";

  if (pages.isPending) return <LoadingState label="Loading media…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (assets.length === 0) {
    return filtered ? (
      <EmptyState title="No media matches these filters" />
    ) : (
      <EmptyState title="No media yet">
        {canWrite ? "Upload images, videos or PDFs above." : "Owners, admins and members upload it."}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <ul aria-label="Media assets" className="grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {assets.map((asset) => (
          <MediaCard key={asset.id} asset={asset} canWrite={canWrite} />
        ))}
      </ul>
      <LoadMore pages={pages} shown={assets.length} totalCount={totalCount} />
    </div>
  );
}
