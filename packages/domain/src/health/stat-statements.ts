// Where pg_stat_statements lives: the extension may be in any schema (managed services use
// "extensions"), or missing. Read with the server's version, which decides what it offers.
import type { Executor } from "@markettina/db";
import { type SQL, sql } from "drizzle-orm";

export interface StatStatements {
  /** The extension's schema as a quoted identifier (its name comes from the catalog). */
  schema: SQL;
  /** server_version_num, e.g. 180004. */
  serverVersion: number;
}

/** null: pg_stat_statements is not installed in this database. */
export async function findStatStatements(db: Executor): Promise<StatStatements | null> {
  const [row] = await db.execute<{ schema: string; version_num: number }>(sql`
    select n.nspname as schema, current_setting('server_version_num')::int as version_num
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_stat_statements'`);
  if (!row) return null;
  return {
    schema: sql.raw(`"${row.schema.replaceAll('"', '""')}"`),
    serverVersion: Number(row.version_num),
  };
}
