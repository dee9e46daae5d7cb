// The journeys connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type JourneyFilterValues, toJourneyFilter } from "./journey-filters";
import { JourneyListQuery } from "./journeys-operations";

const PAGE_SIZE = 25;

export function useJourneyPages(filter: JourneyFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toJourneyFilter(filter) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "JourneyList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(JourneyListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.journeys.pageInfo.hasNextPage ? (page.journeys.pageInfo.endCursor ?? null) : null,
    // Keeps the rows on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const journeys = pages.data?.pages.flatMap((page) => page.journeys.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.journeys.totalCount ?? journeys.length;
  return { pages, journeys, totalCount };
}
