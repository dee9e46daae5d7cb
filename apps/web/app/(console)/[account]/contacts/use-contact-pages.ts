// The contacts connection a page at a time, following its cursor ("Load more").
"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { type ContactFilterValues, toContactFilter } from "./contact-filters";
import { ContactListQuery } from "./contacts-operations";

const PAGE_SIZE = 50;

export function useContactPages(filter: ContactFilterValues) {
  const accountSlug = useAccountSlug();
  const variables = { first: PAGE_SIZE, filter: toContactFilter(filter) };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "ContactList", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(ContactListQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) =>
      page.contacts.pageInfo.hasNextPage ? (page.contacts.pageInfo.endCursor ?? null) : null,
    // Keeps the rows on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: (previous) => previous,
  });
  const contacts = pages.data?.pages.flatMap((page) => page.contacts.nodes) ?? [];
  const totalCount = pages.data?.pages[0]?.contacts.totalCount ?? contacts.length;
  return { pages, contacts, totalCount };
}
