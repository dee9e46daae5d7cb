// The template connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type TemplateFilterValues, toTemplateFilter } from "./template-model";
import { TemplateListQuery } from "./templates-operations";

const PAGE_SIZE = 25;

export function useTemplatePages(filter: TemplateFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toTemplateFilter(filter) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "TemplateList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(TemplateListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.templates.pageInfo.hasNextPage ? (page.templates.pageInfo.endCursor ?? null) : null,
    // Keeps the rows on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const templates = pages.data?.pages.flatMap((page) => page.templates.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.templates.totalCount ?? templates.length;
  return { pages, templates, totalCount };
}
