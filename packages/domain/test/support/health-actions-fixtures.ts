// Fixtures for the database health actions: users with and without the platform-admin flag
// (written as the migration owner: the application role can never set it), a way to run a
// platform operation as a request does, and pg_stat_statements look-ups for this database.
import { randomUUID } from "node:crypto";
import { type Database, type TenantScope, withTenant } from "@markettina/db";
import type postgres from "postgres";
import { DomainError, type PlatformContext } from "../../src/index.ts";

/** A user; a platform admin when `admin`. Its id. */
export async function createUser(owner: postgres.Sql, options: { admin: boolean }): Promise<string> {
  const id = randomUUID();
  const kind = options.admin ? "admin" : "user";
  await owner`
    insert into users (id, email, name, is_platform_admin)
    values (${id}, ${`${kind}-${id.slice(0, 8)}@health.test`}, ${kind}, ${options.admin})`;
  return id;
}

/**
 * Runs a platform operation as the GraphQL layer's runPlatformMutation does: one transaction in
 * the user's scope (no account), the operation in a savepoint that a DomainError rolls back while
 * the transaction commits. `accountIds` widens the scope (as entering a tenant's account does).
 */
export async function runAsPlatform<T>(
  db: Database,
  userId: string,
  op: (platform: PlatformContext) => Promise<T>,
  accountIds: string[] = [],
): Promise<T> {
  const scope: TenantScope = { accountId: null, accountIds, userId, apiKeyId: null, requestId: randomUUID() };
  const actor = { userId, apiKeyId: null, requestId: scope.requestId!, ip: null, userAgent: null };
  const outcome = await withTenant(db, scope, async (tx) => {
    try {
      return { value: await tx.transaction((sp) => op({ tx: sp, actor, scope })) };
    } catch (error) {
      if (error instanceof DomainError) return { error };
      throw error;
    }
  });
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}

/** The DomainError `promise` rejects with (fails the test when it resolves or throws another). */
export async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => new Error("expected a DomainError, the operation succeeded"),
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw error;
}

/** The SQLSTATE `promise` rejects with (postgres.js or drizzle's wrapper of it). */
export async function sqlStateOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) throw new Error("expected the statement to fail, it succeeded");
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

/** The queryid (decimal string) of this database's statement whose text is exactly `text`. */
export async function statementId(owner: postgres.Sql, text: string): Promise<string | null> {
  const rows = await owner<{ queryid: string }[]>`
    select queryid::text as queryid
      from pg_stat_statements
     where dbid = (select oid from pg_database where datname = current_database()) and query = ${text}
     limit 1`;
  return rows[0]?.queryid ?? null;
}

/** The rows of platform_audit_logs with `action`, newest first (read as the owner). */
export async function auditEntries(
  owner: postgres.Sql,
  action: string,
): Promise<
  { actor_user_id: string | null; entity_type: string; entity_id: string | null; after: unknown }[]
> {
  return owner`
    select actor_user_id, entity_type, entity_id, after
      from platform_audit_logs where action = ${action} order by created_at desc`;
}
