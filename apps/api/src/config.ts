// Settings read from the environment (see .env.example).
import type { RateLimitPolicy } from "@markettina/domain";

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
  };
}
