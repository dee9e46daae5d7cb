// A platform admin refreshes the planner's statistics of one table (after a bulk load, or when a
// plan went wrong). app.health_analyze_table finds the table in the catalog by name; the name is
// never spliced into SQL.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";

export const AnalyzeTableInput = z.object({
  table: z.string().trim().min(1, "Name the table, e.g. public.contacts.").max(200),
});

/** Platform admins only; audited. `table` is "schema.name" (public or pgboss). */
export async function analyzeTable(
  platform: PlatformContext,
  raw: { table: string },
): Promise<{ table: string; analyzedAt: Date }> {
  await requirePlatformAdmin(platform.tx);
  const { table } = parseInput(AnalyzeTableInput, raw);
  // Split on the first dot only: "pgboss.job" is schema pgboss, table job; "contacts" is public.
  const dot = table.indexOf(".");
  const schemaName = dot < 0 ? "public" : table.slice(0, dot);
  const tableName = dot < 0 ? table : table.slice(dot + 1);
  const [row] = await platform.tx.execute<{ ok: boolean }>(
    sql`select app.health_analyze_table(${schemaName}, ${tableName}) as ok`,
  );
  if (row?.ok !== true) fail("NOT_FOUND", "No such table in schema public or pgboss.", "table");
  const qualified = `${schemaName}.${tableName}`;
  const analyzedAt = new Date();
  await recordPlatformChange(platform, {
    action: "database.table_analyzed",
    entityType: "database",
    after: { table: qualified, analyzedAt },
  });
  return { table: qualified, analyzedAt };
}
