// Whether the database has every migration this build ships: /readyz answers 503 until it does,
// so a load balancer never sends traffic to a process whose code expects columns that are not there.
import { readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import { MIGRATIONS_FOLDER } from "./migrate.ts";

/** The migration names (folder names, e.g. 20261122115327_health) this build ships. */
export function shippedMigrations(folder: string = MIGRATIONS_FOLDER()): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => readdirSync(path.join(folder, entry.name)).includes("migration.sql"))
    .map((entry) => entry.name)
    .sort();
}

/** The shipped migrations the database has not applied yet (drizzle records each by name). */
export async function missingMigrations(db: Executor, shipped: readonly string[]): Promise<string[]> {
  const rows = await db.execute<{ name: string | null }>(sql`select name from drizzle.__drizzle_migrations`);
  const applied = new Set(rows.map((row) => row.name));
  return shipped.filter((name) => !applied.has(name));
}
