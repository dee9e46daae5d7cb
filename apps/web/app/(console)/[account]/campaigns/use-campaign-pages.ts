// The campaigns connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type CampaignFilterValues, toCampaignFilter } from "./campaign-filters";
import { CampaignListQuery } from "./campaigns-operations";

const PAGE_SIZE = 25;

export function useCampaignPages(filter: CampaignFilterValues, deleted: boolean) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toCampaignFilter(filter, deleted) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "CampaignList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(CampaignListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.campaigns.pageInfo.hasNextPage ? (page.campaigns.pageInfo.endCursor ?? null) : null,
    // Keeps the rows on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const campaigns = pages.data?.pages.flatMap((page) => page.campaigns.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.campaigns.totalCount ?? campaigns.length;
  return { pages, campaigns, totalCount };
}
