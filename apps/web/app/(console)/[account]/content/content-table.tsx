"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { BrandCheckBadge, ContentStatusBadge } from "./content-badges";
import { type ContentFilterValues, hasFilter } from "./content-filters";
import { TYPE_LABELS } from "./content-model";
import { contentItemPath, newContentPath } from "./content-paths";
import { useContentPages } from "./use-content-pages";

/** Content items, most recently changed first, 25 at a time. */
export function ContentTable({ filter, canWrite }: { filter: ContentFilterValues; canWrite: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, items, totalCount } = useContentPages(filter);

  if (pages.isPending) return <LoadingState label="Loading content…" />;
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces the table.
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (items.length === 0) {
    return hasFilter(filter) ? (
      <EmptyState title="No content matches these filters" />
    ) : (
      <EmptyState title="No content yet">
        {canWrite ? (
          <>
            <p>Write a post, an email or an ad, or let the generator draft one from your brand DNA.</p>
            <Link href={newContentPath(accountSlug)} className={`${buttonClasses("primary", "sm")} mt-3`}>
              Write content
            </Link>
          </>
        ) : (
          "Owners, admins and members write it."
        )}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Content">
        <thead>
          <tr>
            <Th>Title</Th>
            <Th>Type</Th>
            <Th>Status</Th>
            <Th>Brand check</Th>
            <Th>Campaign</Th>
            <Th>Updated</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {items.map((item) => (
            <tr key={item.id}>
              <Td className="font-medium text-zinc-900">
                <Link
                  href={contentItemPath(accountSlug, item.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {item.title || "Untitled"}
                </Link>
              </Td>
              <Td>{TYPE_LABELS[item.type]}</Td>
              <Td>
                <ContentStatusBadge status={item.status} />
              </Td>
              <Td>
                <BrandCheckBadge check={item.brandCheck} />
              </Td>
              <Td>{item.campaign?.name ?? <span className="text-zinc-400">—</span>}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(item.updatedAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={items.length} totalCount={totalCount} />
    </div>
  );
}
