// Shared by the catalog checks' tests (health-catalog*.integration.test.ts).
import type postgres from "postgres";
import type { HealthCheck, HealthCheckKey } from "../../src/health/index.ts";

/** Statistics reach the views when the session that made them flushes them. */
export const SETTLE = { timeout: 10_000, interval: 100 };

export function check(checks: readonly HealthCheck[], key: HealthCheckKey): HealthCheck {
  const found = checks.find((c) => c.key === key);
  if (!found) throw new Error(`no ${key} check`);
  return found;
}

/** Runs `statements` on one owner connection and has that session flush its statistics (they are
 * otherwise flushed at most once a second). */
export async function ownerFlushing(owner: postgres.Sql, statements: string): Promise<void> {
  await owner.begin(async (tx) => {
    await tx.unsafe(statements);
    await tx`select pg_stat_force_next_flush()`;
  });
}
