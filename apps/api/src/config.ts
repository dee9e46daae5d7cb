// Settings read from the environment (see .env.example).
import path from "node:path";
import { repoRoot } from "@markettina/db";
import {
  DEFAULT_EXPLAIN_TIMEOUT_MS,
  type HealthThresholds,
  parseHealthThresholds,
  type RateLimitPolicy,
} from "@markettina/domain";
import type { AiConfig } from "./ai/openai-compatible-provider.ts";
import { parseAllowedHosts } from "./workflow/http-step.ts";

export interface ApiConfig {
  host: string;
  port: number;
  /** Shared with the web console, which signs the short-lived console tokens with it. */
  authSecret: string;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  statementTimeoutMs: number;
  /** Behind a proxy we run (the console's server): take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Leaky bucket of GraphQL cost points per API key. */
  rateLimit: RateLimitPolicy;
  /** The web console's public address: buyers return there from Stripe Checkout. */
  publicWebUrl: string;
  /** The API's public address: unsubscribe links in marketing messages point at it. */
  publicApiUrl: string;
  /** Stripe Checkout and its webhook; null: purchases are paid manually (an admin confirms). */
  stripe: StripeConfig | null;
  /** An OpenAI-compatible API for content generation; null: offline drafts (no AI). */
  ai: AiConfig | null;
  /** Where e-mail posts are sent (smtp://user:pass@host:port); null: SMTP connectors fail. */
  smtpUrl: string | null;
  /** How often the worker looks for posts that are due, in milliseconds. */
  publishPollMs: number;
  /** Sender of marketing e-mail (MAIL_FROM); SMTP_URL is the server. */
  mailFrom: string;
  /** SMS gateway (POST JSON with a bearer token); null: SMS go to the log provider. */
  smsHttpUrl: string | null;
  smsHttpToken: string | null;
  /** How often the worker looks for journey steps and messages that are due, in milliseconds. */
  journeyPollMs: number;
  messagePollMs: number;
  /** Where uploaded media files are kept (local storage); default <repo>/.data/media. */
  mediaDir: string;
  /** How often the worker looks for overdue workflow steps, in milliseconds (WORKFLOW_POLL_MS). */
  workflowPollMs: number;
  /** Finished workflow instances are purged after this many days (WORKFLOW_RETENTION_DAYS). */
  workflowRetentionDays: number;
  /** Hosts http_request steps may call (WORKFLOW_HTTP_ALLOWED_HOSTS, comma list; "*.example.com"
   * for a domain and its subdomains). */
  workflowHttpAllowedHosts: string[];
  /** Loopback addresses too: only when NODE_ENV is not production. */
  workflowHttpAllowLoopback: boolean;
  /** The database health report and its minute sampler. */
  health: HealthConfig;
}

export interface HealthConfig {
  /** The defaults with DATABASE_HEALTH_THRESHOLDS (JSON) merged over them. */
  thresholds: HealthThresholds;
  /** A read replica whose lag the report measures (DATABASE_REPLICA_URL); null: none. */
  replicaUrl: string | null;
  /** Statement timeout of EXPLAIN from the health page, ms (DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS). */
  explainTimeoutMs: number;
}

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** Another Stripe API endpoint (tests point the SDK at a loopback server). */
  apiHost?: string;
  apiPort?: number;
  apiProtocol?: "http" | "https";
}

function loadStripeConfig(env: NodeJS.ProcessEnv): StripeConfig | null {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim();
  if (!secretKey && !webhookSecret) return null;
  // Half a configuration would take payments whose webhooks are refused (or the reverse).
  if (!secretKey || !webhookSecret) {
    throw new Error("Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither.");
  }
  const protocol = env.STRIPE_API_PROTOCOL;
  if (protocol !== undefined && protocol !== "http" && protocol !== "https") {
    throw new Error("STRIPE_API_PROTOCOL must be http or https.");
  }
  return {
    secretKey,
    webhookSecret,
    apiHost: env.STRIPE_API_HOST || undefined,
    apiPort: env.STRIPE_API_PORT ? Number(env.STRIPE_API_PORT) : undefined,
    apiProtocol: protocol,
  };
}

function loadAiConfig(env: NodeJS.ProcessEnv): AiConfig | null {
  const baseUrl = env.AI_BASE_URL?.trim();
  const apiKey = env.AI_API_KEY?.trim() || null;
  const model = env.AI_MODEL?.trim();
  if (!baseUrl && !apiKey && !model) return null;
  if (!model) throw new Error("Set AI_MODEL (the model to ask for) along with AI_BASE_URL / AI_API_KEY.");
  const url = baseUrl || "https://api.openai.com/v1";
  if (!URL.canParse(url)) throw new Error("AI_BASE_URL must be a URL such as https://api.openai.com/v1.");
  const timeoutMs = Number(env.AI_TIMEOUT_MS ?? 30_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new Error("AI_TIMEOUT_MS must be a positive number.");
  return { baseUrl: url, apiKey, model, timeoutMs };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  const n = Number(value?.trim() || fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number.`);
  return n;
}

function loadHealthConfig(env: NodeJS.ProcessEnv): HealthConfig {
  const replicaUrl = env.DATABASE_REPLICA_URL?.trim() || null;
  if (replicaUrl && !/^postgres(ql)?:\/\//.test(replicaUrl)) {
    throw new Error("DATABASE_REPLICA_URL must be a postgres:// URL.");
  }
  return {
    // Throws naming DATABASE_HEALTH_THRESHOLDS and the bad key: a typo stops the start.
    thresholds: parseHealthThresholds(env.DATABASE_HEALTH_THRESHOLDS),
    replicaUrl,
    explainTimeoutMs: positive(
      env.DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS,
      DEFAULT_EXPLAIN_TIMEOUT_MS,
      "DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS",
    ),
  };
}

export const DEV_AUTH_SECRET = "dev-only-secret-change-me-0123456789abcdef";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const authSecret = env.AUTH_SECRET ?? DEV_AUTH_SECRET;
  if (env.NODE_ENV === "production" && authSecret === DEV_AUTH_SECRET) {
    throw new Error("Set AUTH_SECRET: the development default must not be used in production.");
  }
  return {
    host: env.API_HOST ?? "127.0.0.1",
    port: Number(env.API_PORT ?? 4000),
    authSecret,
    maxBodyBytes: Number(env.API_MAX_BODY_BYTES ?? 1_000_000),
    statementTimeoutMs: Number(env.API_STATEMENT_TIMEOUT_MS ?? 10_000),
    trustProxy: env.API_TRUST_PROXY === "1",
    rateLimit: {
      capacity: Number(env.API_RATE_LIMIT_CAPACITY ?? 10_000),
      leakPerSecond: Number(env.API_RATE_LIMIT_PER_SECOND ?? 500),
    },
    publicWebUrl: env.PUBLIC_WEB_URL ?? `http://127.0.0.1:${env.WEB_PORT ?? 3000}`,
    publicApiUrl: (env.PUBLIC_API_URL?.trim() || "http://localhost:4000").replace(/\/+$/, ""),
    stripe: loadStripeConfig(env),
    ai: loadAiConfig(env),
    smtpUrl: env.SMTP_URL?.trim() || null,
    publishPollMs: Number(env.PUBLISH_POLL_MS ?? 5_000),
    mailFrom: env.MAIL_FROM?.trim() || "Markettina <no-reply@markettina.localhost>",
    smsHttpUrl: env.SMS_HTTP_URL?.trim() || null,
    smsHttpToken: env.SMS_HTTP_TOKEN?.trim() || null,
    journeyPollMs: Number(env.JOURNEY_POLL_MS ?? 1_000),
    messagePollMs: Number(env.MESSAGE_POLL_MS ?? 1_000),
    mediaDir: path.resolve(env.MEDIA_DIR?.trim() || path.join(repoRoot(), ".data", "media")),
    workflowPollMs: Number(env.WORKFLOW_POLL_MS ?? 1_000),
    workflowRetentionDays: positive(env.WORKFLOW_RETENTION_DAYS, 30, "WORKFLOW_RETENTION_DAYS"),
    workflowHttpAllowedHosts: parseAllowedHosts(env.WORKFLOW_HTTP_ALLOWED_HOSTS),
    workflowHttpAllowLoopback: env.NODE_ENV !== "production",
    health: loadHealthConfig(env),
  };
}
