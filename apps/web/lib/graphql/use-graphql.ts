// TanStack Query hooks for typed documents, scoped to the account in the URL (or to no account).
"use client";

import { type UseQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TadaDocumentNode } from "gql.tada";
import { useParams } from "next/navigation";
import { operationName } from "./operation-name";
import { requestGraphQL } from "./request-graphql";

/** The current account's slug, from `/[account]/…`. */
export function useAccountSlug(): string {
  const params = useParams<{ account?: string }>();
  return params.account ? decodeURIComponent(params.account) : "";
}

/** Query keys start with the account slug, so invalidating `[slug, "SubAccounts"]` refreshes that list. */
export function accountQueryKey(accountSlug: string, name: string, variables?: unknown): unknown[] {
  return variables === undefined ? [accountSlug, name] : [accountSlug, name, variables];
}

export function useAccountQuery<TResult, TVariables>(
  document: TadaDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options?: Omit<UseQueryOptions<TResult>, "queryKey" | "queryFn">,
) {
  const accountSlug = useAccountSlug();
  return useQuery({
    queryKey: accountQueryKey(accountSlug, operationName(document), variables),
    queryFn: () => requestGraphQL(document, variables, { account: accountSlug }),
    ...options,
  });
}

export function useAccountMutation<TResult, TVariables>(document: TadaDocumentNode<TResult, TVariables>) {
  const accountSlug = useAccountSlug();
  return useMutation({
    mutationFn: (variables: TVariables) => requestGraphQL(document, variables, { account: accountSlug }),
  });
}

/** Refreshes the current account's queries with these operation names (after a mutation). */
export function useRefreshAccountQueries(): (names: readonly string[]) => Promise<void> {
  const accountSlug = useAccountSlug();
  const queryClient = useQueryClient();
  return async (names) => {
    await Promise.all(
      names.map((name) => queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, name) })),
    );
  };
}

/** Query keys of requests made without an account (the platform-admin area, the switcher list). */
export function viewerQueryKey(name: string, variables?: unknown): unknown[] {
  return variables === undefined ? ["viewer", name] : ["viewer", name, variables];
}

/** A query as the signed-in user without an account: the platform-admin fields. */
export function useViewerQuery<TResult, TVariables>(
  document: TadaDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options?: Omit<UseQueryOptions<TResult>, "queryKey" | "queryFn">,
) {
  return useQuery({
    queryKey: viewerQueryKey(operationName(document), variables),
    queryFn: () => requestGraphQL(document, variables, "viewer"),
    ...options,
  });
}

export function useViewerMutation<TResult, TVariables>(document: TadaDocumentNode<TResult, TVariables>) {
  return useMutation({
    mutationFn: (variables: TVariables) => requestGraphQL(document, variables, "viewer"),
  });
}
