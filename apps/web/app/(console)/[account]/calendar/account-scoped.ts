// An agency's calendar shows its clients' posts too, and each post is changed in its own account:
// these run a document as the signed-in user acting in a named account, not the one in the URL.
"use client";

import { type UseQueryOptions, useQuery } from "@tanstack/react-query";
import type { TadaDocumentNode } from "gql.tada";
import { operationName } from "@/lib/graphql/operation-name";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey } from "@/lib/graphql/use-graphql";

export function useQueryIn<TResult, TVariables>(
  accountSlug: string,
  document: TadaDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options?: Omit<UseQueryOptions<TResult>, "queryKey" | "queryFn">,
) {
  return useQuery({
    queryKey: accountQueryKey(accountSlug, operationName(document), variables),
    queryFn: () => requestGraphQL(document, variables, { account: accountSlug }),
    ...options,
  });
}

export function requestIn<TResult, TVariables>(
  accountSlug: string,
  document: TadaDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  return requestGraphQL(document, variables, { account: accountSlug });
}
