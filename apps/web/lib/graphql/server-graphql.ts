// Server-side GraphQL for server components (e.g. the post-login redirect): straight to the API.
import "server-only";
import type { TadaDocumentNode } from "gql.tada";
import { print } from "graphql";
import { apiUrl } from "../api-url";
import { mintConsoleToken } from "../auth/console-token";
import { GraphQLRequestError, readGraphQLResponse } from "./graphql-request-error";

export async function serverGraphQL<TResult, TVariables>(
  document: TadaDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { userId: string; accountId?: string },
): Promise<TResult> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    authorization: `Bearer ${await mintConsoleToken(options.userId)}`,
  };
  if (options.accountId) headers["x-account-id"] = options.accountId;
  let response: Response;
  try {
    response = await fetch(apiUrl("/graphql"), {
      method: "POST",
      headers,
      body: JSON.stringify({ query: print(document), variables }),
      cache: "no-store",
    });
  } catch {
    throw new GraphQLRequestError("The Markettina API is not reachable.", 502);
  }
  return readGraphQLResponse<TResult>(response);
}
