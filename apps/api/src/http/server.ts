// The API's HTTP surface on node:http: /graphql, /auth/login, /webhooks/stripe (when Stripe is
// configured), /media (upload) and /media/:id (download), /ingest/events (marketing events),
// /unsubscribe (signed links in marketing messages), /healthz, /readyz.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type Database, shippedMigrations } from "@markettina/db";
import type {
  GenerationProvider,
  HealthDeps,
  MediaStorage,
  PaymentGateway,
  WorkflowEngineDeps,
} from "@markettina/domain";
import type Stripe from "stripe";
import type { ApiConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { localMediaStorage } from "../media/local-media-storage.ts";
import { MEDIA_PATH, mediaRoutes } from "../media/media-routes.ts";
import { createApollo } from "./apollo.ts";
import { graphqlHandler } from "./graphql-handler.ts";
import { INGEST_EVENTS_PATH, ingestEventsHandler } from "./ingest-events.ts";
import { loginHandler } from "./login-handler.ts";
import { BodyTooLargeError } from "./read-body.ts";
import { readinessCheck } from "./readiness.ts";
import { requestStore } from "./request-context.ts";
import { sendJson } from "./send.ts";
import { stripeWebhookHandler } from "./stripe-webhook.ts";
import { UNSUBSCRIBE_PATH, unsubscribeHandler } from "./unsubscribe.ts";

export async function createHttpServer(deps: {
  db: Database;
  config: ApiConfig;
  logger: Logger;
  /** Stripe's client and the gateway over it, made once by the app (the worker uses them too). */
  stripe: Stripe | null;
  paymentGateway: PaymentGateway | undefined;
  /** Who writes generated content (the AI API, or offline drafts). */
  generationProvider?: GenerationProvider;
  /** Where media bytes go; default: files under config.mediaDir. */
  mediaStorage?: MediaStorage;
  /** The workflow engine's job queue for the mutations that make steps runnable. */
  workflows?: WorkflowEngineDeps;
  /** The database health report (platform admins, through GraphQL). */
  health?: HealthDeps;
  /** The migrations /readyz requires; default: those in the drizzle folder this build ships. */
  shippedMigrations?: readonly string[];
}): Promise<Server> {
  const apollo = createApollo(deps.logger);
  await apollo.start();
  const { stripe } = deps;
  const graphql = graphqlHandler({
    db: deps.db,
    apollo,
    config: deps.config,
    paymentGateway: deps.paymentGateway,
    generationProvider: deps.generationProvider,
    workflows: deps.workflows,
    health: deps.health,
  });
  const ready = readinessCheck({
    db: deps.db,
    logger: deps.logger,
    shipped: deps.shippedMigrations ?? shippedMigrations(),
  });
  const login = loginHandler(deps.db);
  const ingestEvents = ingestEventsHandler({ db: deps.db, config: deps.config });
  const unsubscribe = unsubscribeHandler({ db: deps.db, config: deps.config });
  const media = mediaRoutes({
    db: deps.db,
    config: deps.config,
    storage: deps.mediaStorage ?? localMediaStorage(deps.config.mediaDir),
  });
  const stripeWebhook =
    stripe && deps.config.stripe
      ? stripeWebhookHandler({
          db: deps.db,
          stripe,
          webhookSecret: deps.config.stripe.webhookSecret,
          logger: deps.logger,
        })
      : null;

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    const path = (req.url ?? "/").split("?")[0];
    requestStore.run({ requestId }, async () => {
      try {
        if (path === "/graphql" && (req.method === "POST" || req.method === "GET")) {
          await graphql(req, res, requestId);
        } else if (path === "/auth/login" && req.method === "POST") {
          await login(req, res);
        } else if (path === "/webhooks/stripe" && req.method === "POST" && stripeWebhook) {
          await stripeWebhook(req, res, requestId);
        } else if (path === INGEST_EVENTS_PATH && req.method === "POST") {
          await ingestEvents(req, res, requestId);
        } else if (path === UNSUBSCRIBE_PATH && (req.method === "GET" || req.method === "HEAD")) {
          await unsubscribe.show(req, res, requestId);
        } else if (path === UNSUBSCRIBE_PATH && req.method === "POST") {
          await unsubscribe.confirm(req, res, requestId);
        } else if (path === "/media" && req.method === "POST") {
          await media.upload(req, res, requestId);
        } else if (MEDIA_PATH.test(path ?? "") && (req.method === "GET" || req.method === "HEAD")) {
          await media.download(req, res, requestId, MEDIA_PATH.exec(path!)![1]!);
        } else if (path === "/healthz") {
          // Liveness: the process answers. Says nothing else to anonymous callers.
          sendJson(res, 200, { status: "up" });
        } else if (path === "/readyz") {
          // Readiness: the database answers and has every migration this build ships.
          const ok = await ready();
          sendJson(res, ok ? 200 : 503, { status: ok ? "up" : "down" });
        } else {
          sendJson(res, 404, { error: { code: "NOT_FOUND", message: "No such endpoint." } });
        }
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return sendJson(res, 413, {
            errors: [{ message: error.message, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
          });
        }
        deps.logger.error({ err: error, requestId, path }, "request failed");
        if (!res.headersSent) {
          sendJson(res, 500, {
            errors: [
              {
                message: `Internal error. Quote request id ${requestId}.`,
                extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
              },
            ],
          });
        } else res.end();
      }
    });
  });
  server.on("close", () => void apollo.stop());
  return server;
}
