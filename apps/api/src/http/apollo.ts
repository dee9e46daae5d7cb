// Apollo Server 5 over the Pothos schema. Expected errors keep their message; anything else is
// masked with the request id (and logged in full).
import { ApolloServer } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { type GraphQLContext, schema } from "@markettina/graphql";
import { PothosValidationError } from "@pothos/core";
import { ForbiddenError } from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { Logger } from "../logger.ts";
import { costLimitPlugin } from "./cost-limit.ts";
import { currentRequestId } from "./request-context.ts";

export function createApollo(logger: Logger): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    // Credentials travel only in the Authorization header (API keys, console tokens), never in
    // cookies, so a cross-site request cannot act for anyone: Apollo's CSRF header check would
    // only break spec-compliant GET queries (graphql-over-http audit).
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    // A cap on the document's size in tokens: parsing a huge document is work done before any
    // complexity limit can refuse it.
    parseOptions: { maxTokens: 5_000 },
    // Nothing here is cacheable (every answer depends on who asks), so the cache-control plugin
    // Apollo installs by default would only ever say `no-store` — after a hook on every resolved
    // field (about a tenth of a nested read: docs/benchmarks.md). Say it directly instead.
    plugins: [
      costLimitPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              response.http.headers.set("cache-control", "no-store");
            },
          };
        },
      },
    ],
    formatError: (formatted, error) => {
      const original = unwrapResolverError(error);
      // Parse/validation errors, our own GraphQLErrors, authorization (ForbiddenError) and input
      // validation (PothosValidationError): the client needs the message.
      if (original instanceof GraphQLError || original instanceof PothosValidationError) {
        return original instanceof ForbiddenError
          ? { ...formatted, extensions: { ...formatted.extensions, code: "FORBIDDEN" } }
          : formatted;
      }
      const requestId = currentRequestId();
      logger.error({ err: original, requestId, path: formatted.path }, "unexpected error");
      return {
        message: `Internal error. Quote request id ${requestId ?? "unknown"} when reporting it.`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
      };
    },
  });
}
