// Integrators' requests cost what their GraphQL operation costs (the complexity the schema
// computes); each API key has a leaky bucket of cost points (app.spend_rate_limit).
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

export interface RateLimitPolicy {
  /** Cost points a key may spend in a burst. */
  capacity: number;
  /** Cost points drained per second. */
  leakPerSecond: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Points in the bucket after this request (before it, when refused). */
  level: number;
  capacity: number;
  /** When refused: how long until the request would fit. */
  retryAfterMs: number;
}

export async function spendRateLimit(
  db: Executor,
  bucket: { accountId: string; apiKeyId: string },
  cost: number,
  policy: RateLimitPolicy,
): Promise<RateLimitResult> {
  const [row] = await db.execute<{ allowed: boolean; level: number; retry_after_ms: number }>(
    sql`select * from app.spend_rate_limit(${bucket.accountId}, ${bucket.apiKeyId}, ${Math.ceil(cost)},
          ${policy.capacity}, ${policy.leakPerSecond})`,
  );
  return {
    allowed: row!.allowed,
    level: Number(row!.level),
    capacity: policy.capacity,
    retryAfterMs: Number(row!.retry_after_ms),
  };
}
