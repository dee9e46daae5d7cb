// Applies drizzle/ as the owner. The application role is created first because the hand-written
// migrations grant to it; roles are cluster-wide, so this is idempotent across databases.
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { PgBoss } from "pg-boss";
import postgres from "postgres";
import { APP_ROLE, appPassword } from "./connection.ts";
import { repoRoot } from "./embedded.ts";

/** The migration folders this build ships, in <repo>/drizzle. */
export const MIGRATIONS_FOLDER = (): string => path.join(repoRoot(), "drizzle");

export async function ensureAppRole(sql: postgres.Sql): Promise<void> {
  const [exists] = await sql`select 1 as one from pg_roles where rolname = ${APP_ROLE}`;
  const password = appPassword().replaceAll("'", "''");
  if (!exists) {
    // NOSUPERUSER NOBYPASSRLS: every query of the API and worker is subject to row-level security.
    await sql.unsafe(
      `create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole password '${password}'`,
    );
  } else {
    await sql.unsafe(`alter role ${APP_ROLE} with login nosuperuser nobypassrls password '${password}'`);
  }
}

export async function migrateDatabase(ownerUrl: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await ensureAppRole(sql);
    const [{ db } = { db: "" }] = await sql<{ db: string }[]>`select current_database() as db`;
    await sql.unsafe(`grant connect, temporary on database "${db}" to ${APP_ROLE}`);
    // pg_stat_statements backs the operators' health page; an external server may not have it.
    await sql`create extension if not exists pg_stat_statements`.catch(() => undefined);
    await migrate(drizzle({ client: sql }), { migrationsFolder: MIGRATIONS_FOLDER() });
    // /readyz compares the migrations applied with the ones this build ships (names only).
    await sql.unsafe(
      `grant usage on schema drizzle to ${APP_ROLE}; grant select on drizzle.__drizzle_migrations to ${APP_ROLE}`,
    );
    // The health page sees every session's activity and statement statistics, not only the
    // application's own; a managed server may refuse the grant (the page then says so).
    await sql.unsafe(`grant pg_read_all_stats to ${APP_ROLE}`).catch(() => undefined);
    await installJobQueue(ownerUrl, sql);
  } finally {
    await sql.end();
  }
}

/**
 * pg-boss keeps its own schema (pgboss). The owner installs and upgrades it; the application role
 * may use it, and create queues (each queue is a partition pg-boss creates on demand).
 */
async function installJobQueue(ownerUrl: string, sql: postgres.Sql): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: "pgboss",
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => undefined);
  await boss.start();
  await boss.stop({ graceful: false });
  await sql.unsafe(`
    grant usage, create on schema pgboss to ${APP_ROLE};
    grant select, insert, update, delete on all tables in schema pgboss to ${APP_ROLE};
    grant usage, select on all sequences in schema pgboss to ${APP_ROLE};
    grant execute on all functions in schema pgboss to ${APP_ROLE};
    alter default privileges in schema pgboss grant select, insert, update, delete on tables to ${APP_ROLE};
    alter default privileges in schema pgboss grant usage, select on sequences to ${APP_ROLE};
  `);
}
