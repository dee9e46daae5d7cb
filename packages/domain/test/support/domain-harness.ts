// The domain tests' harness: a database of the test file's own (cloned from the migrated
// template), the owner's connection for fixtures and for reading rows back past row-level
// security, and the application role's client the operations run on, subject to RLS as the API's
// requests are. `run` calls an operation the way a request does: in one transaction that first
// sets the tenant scope; `runAsMutation` adds the savepoint GraphQL's runMutation puts around it.
import { randomUUID } from "node:crypto";
import { createClient, type Database, type TenantScope, withTenant } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import postgres from "postgres";
import { DomainError, type OperationContext, type Role } from "../../src/index.ts";

/** Who an operation runs as. */
export interface Acting {
  accountId: string;
  userId: string;
  role: Role;
  /** The accounts whose rows it may touch: just `accountId` unless an agency acts in its clients. */
  accountIds?: string[];
}

export interface DomainHarness {
  database: TestDatabase;
  /** The migration owner: fixtures, and rows checked behind the operations' back. */
  owner: postgres.Sql;
  /** markettina_app, subject to row-level security: what the API and worker run on. */
  db: Database;
  /** Runs `op` in its own transaction, in `who`'s tenant scope. */
  run: <T>(who: Acting, op: (ctx: OperationContext) => Promise<T>) => Promise<T>;
  /** As `run`, inside a savepoint that a DomainError rolls back while the transaction commits. */
  runAsMutation: <T>(who: Acting, op: (ctx: OperationContext) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/** Call once per file, in beforeAll; `close` in afterAll. Pool sizes default to 2 and 4. */
export async function startDomainHarness(
  pools: { owner?: number; app?: number } = {},
): Promise<DomainHarness> {
  const database = await createTestDatabase();
  const owner = postgres(database.ownerUrl, { max: pools.owner ?? 2, onnotice: () => {} });
  const app = createClient(database.appUrl, { max: pools.app ?? 4 });

  const scopeOf = (who: Acting): TenantScope => ({
    accountId: who.accountId,
    accountIds: who.accountIds ?? [who.accountId],
    userId: who.userId,
    apiKeyId: null,
  });
  const contextOf = (tx: OperationContext["tx"], who: Acting, scope: TenantScope): OperationContext => ({
    tx,
    actor: { userId: who.userId, apiKeyId: null, requestId: randomUUID(), ip: null, userAgent: null },
    accountId: who.accountId,
    role: who.role,
    scopes: null,
    scope,
    // As the API provides it: a transaction of its own in the same scope, committed on return.
    detached: (fn) => withTenant(app.db, scope, fn),
  });

  return {
    database,
    owner,
    db: app.db,
    run: (who, op) => {
      const scope = scopeOf(who);
      return withTenant(app.db, scope, (tx) => op(contextOf(tx, who, scope)));
    },
    runAsMutation: async (who, op) => {
      const scope = scopeOf(who);
      const outcome = await withTenant(app.db, scope, async (tx) => {
        try {
          return { value: await tx.transaction((savepoint) => op(contextOf(savepoint, who, scope))) };
        } catch (error) {
          if (error instanceof DomainError) return { error };
          throw error;
        }
      });
      if ("error" in outcome) throw outcome.error;
      return outcome.value;
    },
    close: async () => {
      await app.close();
      await owner.end();
      await database.drop();
    },
  };
}
