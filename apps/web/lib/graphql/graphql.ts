// The typed `graphql()` tag for every document in the console; types come from
// packages/graphql/schema.graphql via `pnpm graphql:types` (graphql-env.d.ts).
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "../../graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; JSON: unknown; SafeInt: number };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
export { readFragment } from "gql.tada";
