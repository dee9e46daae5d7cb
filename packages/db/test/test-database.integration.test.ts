// The integration-test helpers themselves: a cloned, migrated database per file that the app role
// can use, dropped afterwards, and a statement counter that sees what a request sends.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createClient } from "../src/client.ts";
import { withTenant } from "../src/tenant-scope.ts";
import { createTestDatabase, statementCounter, transactionControl } from "../src/testing/index.ts";

describe("createTestDatabase", () => {
  it("clones the migrated template into a database the app role can use, and drops it", async () => {
    const database = await createTestDatabase();
    const app = postgres(database.appUrl, { max: 1, onnotice: () => {} });
    try {
      const [who] = await app<{ user: string; db: string; accounts: number }[]>`
        select current_user as user, current_database() as db, count(*)::int as accounts from accounts`;
      expect(who).toEqual({ user: "markettina_app", db: database.name, accounts: 0 });
    } finally {
      await app.end();
    }
    const other = await createTestDatabase();
    expect(other.name).not.toBe(database.name);
    await other.drop();

    await database.drop();
    const owner = postgres(database.ownerUrl.replace(`/${database.name}`, "/postgres"), { max: 1 });
    try {
      const left = await owner`select 1 from pg_database where datname = ${database.name}`;
      expect(left.length).toBe(0);
    } finally {
      await owner.end();
    }
  });
});

describe("statementCounter", () => {
  it("counts the statements of a tenant transaction, optionally without BEGIN/COMMIT", async () => {
    const database = await createTestDatabase();
    const all = statementCounter();
    const work = statementCounter({ ignore: transactionControl });
    const client = createClient(database.appUrl, {
      max: 1,
      onQuery: (query) => {
        all.onQuery(query);
        work.onQuery(query);
      },
    });
    try {
      // A new connection may send set-up queries of its own (postgres.js type fetching): warm it.
      await client.sql`select 1`;
      all.reset();
      work.reset();
      const scope = { accountId: null, accountIds: [], userId: null, apiKeyId: null };
      await withTenant(client.db, scope, (tx) => tx.execute(sql`select 1`));
      expect(work.statements, "the scope settings, then the query").toHaveLength(2);
      expect(all.statements, "with BEGIN and COMMIT").toHaveLength(4);
      work.reset();
      expect(work.count).toBe(0);
    } finally {
      await client.close();
      await database.drop();
    }
  });
});
