// The segments connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { SegmentListQuery } from "./segments-operations";

const PAGE_SIZE = 25;

export function useSegmentPages(search: string) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, search: search.trim() || null };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "SegmentList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(SegmentListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.segments.pageInfo.hasNextPage ? (page.segments.pageInfo.endCursor ?? null) : null,
    // Keeps the rows on screen while a new search loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const segments = pages.data?.pages.flatMap((page) => page.segments.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.segments.totalCount ?? segments.length;
  return { pages, segments, totalCount };
}
