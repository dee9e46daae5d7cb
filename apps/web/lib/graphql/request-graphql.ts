// Browser-side GraphQL: every request goes through the web server's /api/graphql (BFF),
// which adds the console token; the browser only says which account it acts in.
import type { TadaDocumentNode } from "gql.tada";
import { print } from "graphql";
import { GraphQLRequestError, readGraphQLResponse } from "./graphql-request-error";

/**
 * Who a request acts as: the signed-in user in an account (`{ account: slug }`), the signed-in user
 * without an account (`"viewer"`: the account list), or nobody (`"anonymous"`: accepting an invitation).
 */
export type RequestScope = { account: string } | "viewer" | "anonymous";

export async function requestGraphQL<TResult, TVariables>(
  document: TadaDocumentNode<TResult, TVariables>,
  variables: TVariables,
  scope: RequestScope,
): Promise<TResult> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (typeof scope === "object") headers["x-account-id"] = scope.account;
  let response: Response;
  try {
    response = await fetch("/api/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new GraphQLRequestError("Network error: the console could not reach its server.", 0);
  }
  if (response.status === 401 && scope !== "anonymous" && typeof window !== "undefined") {
    // The session ended (expired or signed out in another tab): start over at the login page.
    const callbackUrl = encodeURIComponent(window.location.pathname);
    window.location.assign(`/login?callbackUrl=${callbackUrl}`);
  }
  return readGraphQLResponse<TResult>(response);
}
