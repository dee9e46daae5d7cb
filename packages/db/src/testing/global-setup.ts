// vitest global setup of the integration project. Once per run: find (or start) the database
// server, rebuild the template database from drizzle/ so migrations are always fresh, and provide
// the server's owner URL to the test files, which clone the template (createTestDatabase).
import type { TestProject } from "vitest/node";
import { resolveDatabase } from "../connection.ts";
import { migrateDatabase } from "../migrate.ts";
import {
  databaseUrl,
  maintenanceClient,
  quoteIdent,
  retryWhileBusy,
  runIdFor,
  runIdOf,
  TEMPLATE_DATABASE,
} from "./test-server.ts";

/** Advisory lock key (any constant) held while the template is rebuilt. */
const TEMPLATE_LOCK = 7_346_021_118;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The template is migrated under a temporary name and renamed into place, so a concurrent run that
 * clones it never gets a half-migrated copy (CREATE DATABASE … TEMPLATE fails with 55006 or 3D000
 * during the swap; createTestDatabase retries). Concurrent runs rebuild one at a time: two swaps
 * would both drop, then both rename, and two migrations would race on ALTER ROLE markettina_app.
 */
async function rebuildTemplate(ownerUrl: string, runId: string): Promise<void> {
  const building = `${TEMPLATE_DATABASE}_build_${runId}`;
  const admin = maintenanceClient(ownerUrl);
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK})`;
    await admin.unsafe(`drop database if exists ${quoteIdent(building)} with (force)`);
    await admin.unsafe(`create database ${quoteIdent(building)}`);
    await migrateWithRetry(databaseUrl(ownerUrl, building));
    await retryWhileBusy(async () => {
      await admin.unsafe(`drop database if exists ${quoteIdent(TEMPLATE_DATABASE)} with (force)`);
      await admin.unsafe(`alter database ${quoteIdent(building)} rename to ${quoteIdent(TEMPLATE_DATABASE)}`);
    });
  } finally {
    // Ending the session releases the advisory lock.
    await admin.end();
  }
}

/**
 * migrateDatabase first runs ALTER ROLE markettina_app (a cluster-wide row): another process of
 * this checkout migrating at the same moment (the app starting) makes it fail with "tuple
 * concurrently updated". The migrations themselves run after it, in one transaction.
 */
async function migrateWithRetry(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateDatabase(url);
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently updated/.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Drops this run's test databases (a file that crashed before drop()) and those of dead runs. */
async function dropLeftoverDatabases(ownerUrl: string, runId: string, includeDeadRuns: boolean) {
  const admin = maintenanceClient(ownerUrl);
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database`;
    for (const { datname } of rows) {
      const owner = runIdOf(datname);
      if (owner === null) continue;
      if (owner === runId || (includeDeadRuns && !isAlive(Number(owner)))) {
        await admin.unsafe(`drop database if exists ${quoteIdent(datname)} with (force)`);
      }
    }
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = runIdFor(process.pid);
  // Process ids say nothing about runs on other machines sharing a DATABASE_URL server.
  const local = !process.env.DATABASE_URL;
  const log: string[] = [];
  const target = await resolveDatabase((line) => log.push(line)).catch((error: unknown) => {
    throw new Error(`could not start or reach PostgreSQL:\n${log.slice(-30).join("\n")}`, { cause: error });
  });
  try {
    await dropLeftoverDatabases(target.ownerUrl, runId, local);
    await rebuildTemplate(target.ownerUrl, runId);
  } catch (error) {
    await target.stop();
    throw error;
  }
  project.provide("markettinaTestServer", { ownerUrl: target.ownerUrl, runId });

  return async () => {
    try {
      await dropLeftoverDatabases(target.ownerUrl, runId, local);
    } finally {
      await target.stop();
    }
  };
}
