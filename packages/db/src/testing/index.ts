// Test helpers for integration tests (*.integration.test.ts): a fresh database per test file,
// cloned from the migrated template built by the global setup, a SQL statement counter, and
// fixtures several packages' tests share (wallet balances, PNG bytes).
import { inject } from "vitest";
import { APP_ROLE, appUrlFor } from "../connection.ts";
import {
  databaseUrl,
  maintenanceClient,
  quoteIdent,
  retryWhileBusy,
  TEMPLATE_DATABASE,
  testDatabaseName,
} from "./test-server.ts";

export { solidPng } from "./png.ts";
export { type StatementCounter, statementCounter, transactionControl } from "./statement-counter.ts";
export { TEMPLATE_DATABASE, type TestServer } from "./test-server.ts";
export { readWallet, setWalletBalance } from "./wallet-fixtures.ts";

export interface TestDatabase {
  name: string;
  /** The migration owner: set-up and fixtures (not subject to tenant policies). */
  ownerUrl: string;
  /** markettina_app: what the API and worker connect as, subject to row-level security. */
  appUrl: string;
  /** Drops the database, ending any sessions still connected to it. */
  drop: () => Promise<void>;
}

/** Clones the migrated template into a database of its own; call once per file (beforeAll). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject("markettinaTestServer");
  if (!server) {
    throw new Error(
      "createTestDatabase() needs the integration project's global setup: run it with `vitest --project integration`",
    );
  }
  const name = testDatabaseName(server.runId);
  const admin = maintenanceClient(server.ownerUrl);
  try {
    // Cloning fails while another session is connected to the template (a concurrent run
    // rebuilding it); it is free again within moments.
    await retryWhileBusy(() =>
      admin.unsafe(`create database ${quoteIdent(name)} template ${quoteIdent(TEMPLATE_DATABASE)}`),
    );
    // Database privileges live in the shared catalog and are not copied from the template.
    await admin.unsafe(`grant connect, temporary on database ${quoteIdent(name)} to ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = databaseUrl(server.ownerUrl, name);
  return {
    name,
    ownerUrl,
    appUrl: appUrlFor(ownerUrl),
    drop: async () => {
      const sql = maintenanceClient(server.ownerUrl);
      try {
        await sql.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
