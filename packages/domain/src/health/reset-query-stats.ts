// A platform admin starts the statement statistics afresh (after a fix, to see its effect). Only
// this database's statements are reset: the server may host others.
import { sql } from "drizzle-orm";
import type { PlatformContext } from "../context.ts";
import { fail } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";
import { sqlState } from "./sql-state.ts";

/** 42704 undefined_object: raised by app.health_reset_query_stats when the extension is absent;
 * 42883 undefined_function: the extension's reset function is missing (an old version). */
const NOT_INSTALLED = new Set(["42704", "42883"]);

/** Platform admins only; audited. pg_stat_statements_reset for this database. */
export async function resetQueryStats(platform: PlatformContext): Promise<{ resetAt: Date }> {
  await requirePlatformAdmin(platform.tx);
  const resetAt = await platform.tx
    .execute<{ reset_at: string | Date }>(sql`select app.health_reset_query_stats() as reset_at`)
    .then(([row]) => new Date(row!.reset_at))
    .catch((error: unknown) => {
      if (NOT_INSTALLED.has(sqlState(error) ?? "")) {
        return fail("INVALID", "pg_stat_statements is not installed on this database server.");
      }
      throw error;
    });
  await recordPlatformChange(platform, {
    action: "database.query_stats_reset",
    entityType: "database",
    after: { resetAt },
  });
  return { resetAt };
}
