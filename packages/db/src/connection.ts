// Where the database is: DATABASE_URL when set (any PostgreSQL ≥ 15), else the embedded server.
// Two URLs come out: the owner's (migrations, seed, test set-up) and the application role's
// (API and worker), which is subject to row-level security.
import postgres from "postgres";
import { startEmbeddedPostgres } from "./embedded.ts";

export const APP_ROLE = "markettina_app";
export const DEFAULT_DATABASE = "markettina";

export interface DatabaseTarget {
  ownerUrl: string;
  appUrl: string;
  /** Stops the embedded server if this process started it. */
  stop: () => Promise<void>;
}

export function withCredentials(url: string, user: string, password: string, database?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

export function appPassword(): string {
  return process.env.APP_DATABASE_PASSWORD ?? "markettina_app";
}

export function appUrlFor(ownerUrl: string): string {
  return withCredentials(ownerUrl, APP_ROLE, appPassword());
}

/** Creates the database if missing (connected to the maintenance database as the owner). */
export async function ensureDatabaseExists(ownerUrl: string): Promise<void> {
  const name = new URL(ownerUrl).pathname.slice(1);
  const admin = postgres(
    withCredentials(
      ownerUrl,
      decodeURIComponent(new URL(ownerUrl).username),
      decodeURIComponent(new URL(ownerUrl).password),
      "postgres",
    ),
    { max: 1, onnotice: () => {} },
  );
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

export async function resolveDatabase(log?: (line: string) => void): Promise<DatabaseTarget> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      ownerUrl: external,
      appUrl: process.env.APP_DATABASE_URL ?? appUrlFor(external),
      stop: async () => {},
    };
  }
  const server = await startEmbeddedPostgres(log);
  const ownerUrl = server.url(process.env.DATABASE_NAME ?? DEFAULT_DATABASE);
  await ensureDatabaseExists(ownerUrl);
  return { ownerUrl, appUrl: appUrlFor(ownerUrl), stop: server.stop };
}
