// What the integration global setup hands to test files, and the naming rules both sides share.
// Test databases are named after the run (the global setup's pid), so a run drops only its own
// leftovers and those of runs that died, never the databases of a run still going on beside it.
import postgres from "postgres";
import { withCredentials } from "../connection.ts";

export const TEMPLATE_DATABASE = "markettina_test_template";
const TEST_DATABASE_PREFIX = "markettina_test_r";

export interface TestServer {
  /** Owner URL of the server (any database on it); test databases are reached by swapping the name. */
  ownerUrl: string;
  /** Identifies this vitest run; part of every test database's name. */
  runId: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    markettinaTestServer: TestServer;
  }
}

export function runIdFor(pid: number): string {
  return String(pid);
}

export function testDatabaseName(runId: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${TEST_DATABASE_PREFIX}${runId}_p${process.pid}_${random}`;
}

/** The run a test database (or a template being built) belongs to; null for any other database. */
export function runIdOf(databaseName: string): string | null {
  const match =
    /^markettina_test_r(\d+)_p\d+_[a-z0-9]+$/.exec(databaseName) ??
    /^markettina_test_template_build_(\d+)$/.exec(databaseName);
  return match?.[1] ?? null;
}

export function databaseUrl(ownerUrl: string, database: string): string {
  const u = new URL(ownerUrl);
  return withCredentials(ownerUrl, decodeURIComponent(u.username), decodeURIComponent(u.password), database);
}

/** A connection to the server's maintenance database, for CREATE/DROP DATABASE. */
export function maintenanceClient(ownerUrl: string): postgres.Sql {
  return postgres(databaseUrl(ownerUrl, "postgres"), { max: 1, onnotice: () => {} });
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const retryableCodes = new Set([
  "55006", // object_in_use: the template (or database) has other sessions connected
  "3D000", // invalid_catalog_name: the template is being swapped by a concurrent run
]);

/** Retries while a database is busy: another run rebuilding the template, a session closing. */
export async function retryWhileBusy<T>(fn: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !retryableCodes.has(code) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
