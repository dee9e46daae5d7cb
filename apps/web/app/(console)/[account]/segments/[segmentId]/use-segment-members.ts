// A segment's members a page at a time, following the connection's cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { SegmentMembersQuery } from "../segments-operations";

const PAGE_SIZE = 25;

export function useSegmentMembers(segmentId: string) {
  const accountSlug = useAccountSlug();
  const variables = { id: segmentId, first: PAGE_SIZE };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "SegmentMembers", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(SegmentMembersQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) => {
      const info = page.segment?.members.pageInfo;
      return info?.hasNextPage ? (info.endCursor ?? null) : null;
    },
  });
  const members = pages.data?.pages.flatMap((page) => page.segment?.members.nodes ?? []) ?? [];
  const totalCount = pages.data?.pages[0]?.segment?.members.totalCount ?? members.length;
  return { pages, members, totalCount };
}
