// Composes the API: database client, HTTP server and (optionally) the worker.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "@markettina/db";
import type { HealthDeps } from "@markettina/domain";
import { generationProviderFor } from "./ai/generation-provider.ts";
import { createStripeClient, stripeGateway } from "./billing/stripe-gateway.ts";
import { type ApiConfig, loadConfig } from "./config.ts";
import { createConnectors } from "./connectors/connectors.ts";
import { createReplicaProbe } from "./health/replica-probe.ts";
import { createHttpServer } from "./http/server.ts";
import { type WorkflowJobs, workflowJobs } from "./http/workflow-jobs.ts";
import { startWorker, type Worker } from "./jobs/worker.ts";
import { logger as defaultLogger, type Logger } from "./logger.ts";
import { createMessageProviders } from "./messaging/message-providers.ts";
import { workflowPorts } from "./workflow/ports.ts";

export interface RunningApi {
  url: string;
  server: Server | null;
  worker: Worker | null;
  close: () => Promise<void>;
}

export interface StartOptions {
  /** Connects as markettina_app (subject to RLS). */
  appUrl: string;
  config?: Partial<ApiConfig>;
  http?: boolean;
  worker?: boolean;
  logger?: Logger;
  onQuery?: (query: string) => void;
}

export async function startApi(options: StartOptions): Promise<RunningApi> {
  const config = { ...loadConfig(), ...options.config };
  const logger = options.logger ?? defaultLogger;
  const client = createClient(options.appUrl, { max: 10, onQuery: options.onQuery });
  // One Stripe client: the API's purchases and webhook, and the worker's auto-recharge.
  const stripe = config.stripe ? createStripeClient(config.stripe) : null;
  const paymentGateway = stripe ? stripeGateway(stripe, config.publicWebUrl, logger) : undefined;
  // Content generation: the configured AI API, or offline drafts.
  const generationProvider = generationProviderFor(config.ai);
  // Where the worker publishes posts: SMTP (with SMTP_URL), webhooks and the demo log.
  const connectors = createConnectors({ smtpUrl: config.smtpUrl, logger });
  // Marketing messages: SMTP and the SMS gateway when configured, else the log provider.
  const messaging = createMessageProviders(config, logger);
  // The database health report (GraphQL) and its sampler (worker) share thresholds and the probe
  // of the read replica, when one is configured.
  const replica = config.health.replicaUrl ? createReplicaProbe(config.health.replicaUrl) : undefined;
  const health: HealthDeps = {
    thresholds: config.health.thresholds,
    replica,
    explainTimeoutMs: config.health.explainTimeoutMs,
  };
  const worker =
    options.worker === false
      ? null
      : await startWorker({
          appUrl: options.appUrl,
          db: client.db,
          logger,
          paymentGateway,
          connectors: connectors.connectors,
          publishPollMs: config.publishPollMs,
          automation: {
            providers: messaging.providers,
            executor: {
              unsubscribe: { baseUrl: config.publicApiUrl, secret: config.authSecret },
              providerNames: messaging.names,
              generationProvider,
            },
            journeyPollMs: config.journeyPollMs,
            messagePollMs: config.messagePollMs,
          },
          workflows: {
            external: workflowPorts(config, messaging.providers, generationProvider),
            pollMs: config.workflowPollMs,
            retentionDays: config.workflowRetentionDays,
          },
          health,
        });
  let server: Server | null = null;
  let url = "";
  let jobs: WorkflowJobs | null = null;
  if (options.http !== false) {
    // The job queue of the workflow mutations: the worker's pg-boss, or one that only writes jobs.
    jobs = await workflowJobs({ appUrl: options.appUrl, logger, boss: worker?.boss });
    server = await createHttpServer({
      db: client.db,
      config,
      logger,
      stripe,
      paymentGateway,
      generationProvider,
      workflows: jobs.deps,
      health,
    });
    await new Promise<void>((resolve) => server!.listen(config.port, config.host, resolve));
    const address = server.address() as AddressInfo;
    url = `http://${config.host}:${address.port}`;
  }
  return {
    url,
    server,
    worker,
    close: async () => {
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await jobs?.stop();
      await worker?.stop();
      connectors.close();
      messaging.close();
      await replica?.close();
      await client.close();
    },
  };
}
