// POST/GET /graphql. One request = one transaction: authenticate, resolve the tenant scope and
// set it (RLS settings), execute the operation, commit. Nested reads and mutations all run on
// that transaction, so RLS applies to every statement and a failure leaves nothing behind.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { type Database, withTenant } from "@markettina/db";
import {
  claimIdempotencyKey,
  type GenerationProvider,
  type HealthDeps,
  type PaymentGateway,
  recordIdempotentResponse,
  spendRateLimit,
  type WorkflowEngineDeps,
} from "@markettina/domain";
import type { GraphQLContext } from "@markettina/graphql";
import type { ApiConfig } from "../config.ts";
import {
  authenticateRequest,
  EarlyResponse,
  readCredentials,
  requestActor,
  requestedAccount,
} from "./authenticate-request.ts";
import {
  operationNameOf,
  readIdempotencyKey,
  requestFingerprint,
  withoutOneTimeSecrets,
} from "./idempotency.ts";
import { readBody } from "./read-body.ts";
import { sendJson } from "./send.ts";

export function graphqlHandler(deps: {
  db: Database;
  apollo: ApolloServer<GraphQLContext>;
  config: ApiConfig;
  /** Stripe Checkout, when configured. */
  paymentGateway?: PaymentGateway;
  /** Content generation; absent: offline drafts. */
  generationProvider?: GenerationProvider;
  /** The workflow engine's job queue (http/workflow-jobs.ts). */
  workflows?: WorkflowEngineDeps;
  /** The database health report's thresholds, replica probe and EXPLAIN timeout. */
  health?: HealthDeps;
}) {
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    try {
      const credentials = await readCredentials(req, deps.config);
      const rawBody = req.method === "POST" ? await readBody(req, deps.config.maxBodyBytes) : "";
      let body: unknown = rawBody;
      if (rawBody && (headers.get("content-type") ?? "").includes("json")) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          return sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON." }] });
        }
      }
      const requested = requestedAccount(req);
      const idempotency = readIdempotencyKey(headers.get("idempotency-key"));
      if ("error" in idempotency) {
        return sendJson(res, 400, {
          errors: [{ message: idempotency.error, extensions: { code: "BAD_REQUEST" } }],
        });
      }
      const idempotencyKey = idempotency.key;

      const response = await deps.db.transaction(async (tx) => {
        const { principal, access } = credentials
          ? await authenticateRequest(tx, credentials, requested, {
              requestId,
              statementTimeoutMs: deps.config.statementTimeoutMs,
            })
          : { principal: null, access: null };
        if (!principal && requested) {
          throw new EarlyResponse(401, "UNAUTHENTICATED", "Sign in or use an API key to act in an account.");
        }
        const context: GraphQLContext = {
          tx,
          requestId,
          principal,
          access,
          paymentGateway: deps.paymentGateway,
          generationProvider: deps.generationProvider,
          workflows: deps.workflows,
          health: deps.health,
          // A hold committed on its own (a token reservation before an AI call), in the request's
          // scope as it stands when called (read at call time: a mutation may widen it).
          detached: access ? (fn) => withTenant(deps.db, access.scope, fn) : undefined,
          // Charged on the pool, not on tx: the bucket must not stay locked for the whole request.
          spendCost:
            principal?.kind === "apiKey"
              ? (cost) =>
                  spendRateLimit(
                    deps.db,
                    { accountId: principal.accountId, apiKeyId: principal.apiKeyId },
                    cost,
                    deps.config.rateLimit,
                  )
              : undefined,
          actor: requestActor(req, principal, requestId, deps.config),
        };
        // Idempotency-Key: a retried request replays the first answer instead of acting twice.
        let claimId: string | null = null;
        if (idempotencyKey) {
          const accountId = access?.scope.accountId;
          if (!accountId) {
            throw new EarlyResponse(
              400,
              "BAD_REQUEST",
              "An Idempotency-Key needs an account (API key or X-Account-Id).",
            );
          }
          const claim = await claimIdempotencyKey(tx, {
            accountId,
            key: idempotencyKey,
            operation: operationNameOf(body),
            fingerprint: requestFingerprint(body, url.search),
          });
          if (claim.state === "mismatch") {
            throw new EarlyResponse(
              422,
              "IDEMPOTENCY_KEY_REUSED",
              "This Idempotency-Key was already used for a different request.",
            );
          }
          if (claim.state === "replay") {
            const replayHeaders = new HeaderMap([
              ["content-type", "application/json; charset=utf-8"],
              ["idempotent-replayed", "true"],
            ]);
            return {
              status: claim.response.status,
              headers: replayHeaders,
              text: JSON.stringify(claim.response.body),
            };
          }
          claimId = claim.id;
        }
        const result = await deps.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
          context: async () => context,
        });
        // Read the whole body inside the transaction: fields resolve lazily until then.
        let text = "";
        if (result.body.kind === "chunked") {
          for await (const chunk of result.body.asyncIterator) text += chunk;
        } else text = result.body.string;
        if (claimId) {
          await recordIdempotentResponse(tx, claimId, {
            status: result.status ?? 200,
            body: withoutOneTimeSecrets(JSON.parse(text)),
          });
        }
        return { status: result.status, headers: result.headers, text };
      });

      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.setHeader("x-request-id", requestId);
      res.end(response.text);
    } catch (error) {
      if (error instanceof EarlyResponse) {
        return sendJson(res, error.status, {
          errors: [{ message: error.message, extensions: { code: error.code, requestId } }],
        });
      }
      throw error;
    }
  };
}
