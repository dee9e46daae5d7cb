// The schedules connection a page at a time; refreshed now and then, as next and last runs move.
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ResultOf } from "@/lib/graphql/graphql";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { WorkflowScheduleListQuery } from "./schedule-operations";

const PAGE_SIZE = 50;

export type ScheduleItem = ResultOf<typeof WorkflowScheduleListQuery>["workflowSchedules"]["nodes"][number];

export function useSchedulePages() {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "WorkflowScheduleList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(WorkflowScheduleListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.workflowSchedules.pageInfo.hasNextPage
        ? (page.workflowSchedules.pageInfo.endCursor ?? null)
        : null,
    refetchInterval: 30_000,
  });
  const schedules = pages.data?.pages.flatMap((page) => page.workflowSchedules.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.workflowSchedules.totalCount ?? schedules.length;
  return { pages, schedules, totalCount };
}
