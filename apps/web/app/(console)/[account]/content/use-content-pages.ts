// The content connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type ContentFilterValues, toContentFilter } from "./content-filters";
import { ContentListQuery } from "./content-operations";

const PAGE_SIZE = 25;

export function useContentPages(filter: ContentFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toContentFilter(filter) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "ContentList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(ContentListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.contentItems.pageInfo.hasNextPage ? (page.contentItems.pageInfo.endCursor ?? null) : null,
    // Keeps the rows on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const items = pages.data?.pages.flatMap((page) => page.contentItems.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.contentItems.totalCount ?? items.length;
  return { pages, items, totalCount };
}
