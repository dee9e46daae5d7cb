// The instances connection a page at a time, refetched every few seconds while shown: statuses
// and progress move as the worker runs the steps.
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type InstanceFilterValues, toInstanceFilter } from "./instance-filters";
import { WorkflowInstanceListQuery } from "./instance-operations";

const PAGE_SIZE = 25;
export const LIST_POLL_MS = 4_000;

export function useInstancePages(filter: InstanceFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toInstanceFilter(filter) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "WorkflowInstanceList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(WorkflowInstanceListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.workflowInstances.pageInfo.hasNextPage
        ? (page.workflowInstances.pageInfo.endCursor ?? null)
        : null,
    placeholderData: (previous) => previous,
    refetchInterval: LIST_POLL_MS,
  });
  const instances = pages.data?.pages.flatMap((page) => page.workflowInstances.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.workflowInstances.totalCount ?? instances.length;
  return { pages, instances, totalCount };
}
