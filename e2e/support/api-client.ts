// Calls the GraphQL API the way an integrator does: straight to the API with an API key.
import type { APIRequestContext } from "@playwright/test";
import { API_URL } from "./environment.ts";

export type GraphQLHttpResult = {
  status: number;
  body: { data?: unknown; errors?: { message: string }[] } | null;
};

export async function graphqlWithApiKey(
  request: APIRequestContext,
  secret: string,
  query: string,
): Promise<GraphQLHttpResult> {
  const response = await request.post(`${API_URL}/graphql`, {
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    data: { query },
    failOnStatusCode: false,
  });
  const body = (await response.json().catch(() => null)) as GraphQLHttpResult["body"];
  return { status: response.status(), body };
}
