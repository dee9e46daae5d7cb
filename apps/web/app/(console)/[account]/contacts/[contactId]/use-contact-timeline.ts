// A contact's timeline a page at a time, newest first, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { ContactTimelineQuery } from "../contacts-operations";

const PAGE_SIZE = 20;

export function useContactTimeline(contactId: string) {
  const accountSlug = useAccountSlug();
  const variables = { id: contactId, first: PAGE_SIZE };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "ContactTimeline", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(ContactTimelineQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) => {
      const info = page.contact?.timeline.pageInfo;
      return info?.hasNextPage ? (info.endCursor ?? null) : null;
    },
  });
  const entries = pages.data?.pages.flatMap((page) => page.contact?.timeline.nodes ?? []) ?? [];
  return { pages, entries };
}
