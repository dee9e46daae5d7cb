// The media library a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ResultOf } from "@/lib/graphql/graphql";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { MediaLibraryQuery } from "./media-operations";

export type MediaAsset = ResultOf<typeof MediaLibraryQuery>["mediaAssets"]["nodes"][number];

export type MediaFilterValues = { search: string; tag: string; mimePrefix: string };

export const NO_MEDIA_FILTER: MediaFilterValues = { search: "", tag: "", mimePrefix: "" };

const PAGE_SIZE = 24;

export function useMediaPages(filter: MediaFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = {
    first: PAGE_SIZE,
    filter: {
      search: filter.search.trim() || null,
      tag: filter.tag.trim() || null,
      mimePrefix: filter.mimePrefix || null,
    },
  };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "MediaLibrary", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(MediaLibraryQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.mediaAssets.pageInfo.hasNextPage ? (page.mediaAssets.pageInfo.endCursor ?? null) : null,
    placeholderData: (previous) => previous,
  });
  const assets = pages.data?.pages.flatMap((page) => page.mediaAssets.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.mediaAssets.totalCount ?? assets.length;
  return { pages, assets, totalCount };
}
