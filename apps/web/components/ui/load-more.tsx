"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

type Pages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
};

/** "Showing 25 of 60" and the button that follows the connection's cursor to the next page. */
export function LoadMore({ pages, shown, totalCount }: { pages: Pages; shown: number; totalCount: number }) {
  return (
    <>
      <div className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
        <span>
          Showing {shown} of {totalCount}
        </span>
        {pages.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => pages.fetchNextPage()}
            disabled={pages.isFetchingNextPage}
          >
            {pages.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
      {pages.isFetchNextPageError ? <ErrorState error={pages.error} /> : null}
    </>
  );
}
