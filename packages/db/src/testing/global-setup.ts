// vitest global setup of the integration project. Once per run: find (or start) the database
// server, rebuild the template database from drizzle/ so migrations are always fresh, and provide
// the server's owner URL to the test files, which clone the template (createTestDatabase).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { resolveDatabase } from "../connection.ts";
import { repoRoot } from "../embedded.ts";
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
 * clones it never gets a half-migrated copy (CREATE DATABASE … TEMPLATE waits on, or fails with
 * 55006 during, the swap; createTestDatabase retries).
 */
async function rebuildTemplate(ownerUrl: string, runId: string): Promise<void> {
  const building = `${TEMPLATE_DATABASE}_build_${runId}`;
  const admin = maintenanceClient(ownerUrl);
  try {
    await admin.unsafe(`drop database if exists ${quoteIdent(building)} with (force)`);
    await admin.unsafe(`create database ${quoteIdent(building)}`);
    await migrateDatabase(databaseUrl(ownerUrl, building));
    await retryWhileBusy(async () => {
      await admin.unsafe(`drop database if exists ${quoteIdent(TEMPLATE_DATABASE)} with (force)`);
      await admin.unsafe(`alter database ${quoteIdent(building)} rename to ${quoteIdent(TEMPLATE_DATABASE)}`);
    });
  } finally {
    await admin.end();
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

/**
 * Runs of this checkout using the embedded server, one file per live run: the run that started the
 * server leaves it running while another run (started meanwhile, so it found the server up and
 * will not stop it) still needs it. The server is persistent; the next process simply reuses it.
 */
function registerRun(runId: string): { release: () => void; othersAlive: () => boolean } {
  const dir = path.join(repoRoot(), ".data", "test-runs");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, runId), "");
  return {
    release: () => rmSync(path.join(dir, runId), { force: true }),
    othersAlive: () =>
      readdirSync(dir).some((name) => {
        if (name === runId) return false;
        if (isAlive(Number(name))) return true;
        rmSync(path.join(dir, name), { force: true });
        return false;
      }),
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = runIdFor(process.pid);
  // Process ids say nothing about runs on other machines sharing a DATABASE_URL server.
  const local = !process.env.DATABASE_URL;
  // Registered before looking for the server, so a run finishing meanwhile sees this one.
  const run = local ? registerRun(runId) : undefined;
  const log: string[] = [];
  const target = await resolveDatabase((line) => log.push(line)).catch((error: unknown) => {
    run?.release();
    throw new Error(`could not start or reach PostgreSQL:\n${log.slice(-30).join("\n")}`, { cause: error });
  });
  const stopUnlessShared = async () => {
    run?.release();
    if (!run?.othersAlive()) await target.stop();
  };
  try {
    await dropLeftoverDatabases(target.ownerUrl, runId, local);
    await rebuildTemplate(target.ownerUrl, runId);
  } catch (error) {
    await stopUnlessShared();
    throw error;
  }
  project.provide("markettinaTestServer", { ownerUrl: target.ownerUrl, runId });

  return async () => {
    try {
      await dropLeftoverDatabases(target.ownerUrl, runId, local);
    } finally {
      await stopUnlessShared();
    }
  };
}
