// Every operation's cost is its complexity (packages/graphql/src/builder.ts), computed once the
// operation is known. API keys pay it from their leaky bucket: over the limit answers 429 with
// Retry-After, nothing executed. Every answer reports the cost in `extensions.cost`.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "@markettina/graphql";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { GraphQLError } from "graphql";

interface CostReport {
  requested: number;
  /** Rate limit state for API keys: the bucket's level after this request and its capacity. */
  limit?: { level: number; capacity: number };
}

export function costLimitPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let report: CostReport | undefined;
      return {
        async didResolveOperation({ document, request, contextValue, schema }) {
          const { complexity } = complexityFromQuery(document, {
            schema,
            ctx: contextValue,
            variables: request.variables ?? {},
          });
          report = { requested: complexity };
          if (!contextValue.spendCost) return;
          const spent = await contextValue.spendCost(complexity);
          report.limit = { level: spent.level, capacity: spent.capacity };
          if (!spent.allowed) {
            const retryAfter = Math.max(1, Math.ceil(spent.retryAfterMs / 1000));
            throw new GraphQLError(
              `Rate limit exceeded: this operation costs ${complexity} of ${spent.capacity} points. Retry after ${retryAfter} s.`,
              {
                extensions: {
                  code: "RATE_LIMITED",
                  retryAfterSeconds: retryAfter,
                  http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
                },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (report && response.body.kind === "single") {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: report };
          }
        },
      };
    },
  };
}
