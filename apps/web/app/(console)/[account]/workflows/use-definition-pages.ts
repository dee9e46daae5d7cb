// The definitions connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type DefinitionFilterValues, toDefinitionFilter } from "./definition-filters";
import { WorkflowDefinitionListQuery } from "./workflow-operations";

const PAGE_SIZE = 25;

export function useDefinitionPages(filter: DefinitionFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toDefinitionFilter(filter) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "WorkflowDefinitionList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(
        WorkflowDefinitionListQuery,
        { ...variables, after: pageParam },
        { account: accountSlug },
      ),
    getNextPageParam: (page) =>
      page.workflowDefinitions.pageInfo.hasNextPage
        ? (page.workflowDefinitions.pageInfo.endCursor ?? null)
        : null,
    // Keeps the rows on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const definitions = pages.data?.pages.flatMap((page) => page.workflowDefinitions.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.workflowDefinitions.totalCount ?? definitions.length;
  return { pages, definitions, totalCount };
}
