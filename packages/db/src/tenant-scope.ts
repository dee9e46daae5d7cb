// Every request runs in one transaction that first states who is asking and which accounts it may
// touch. Row-level security policies (drizzle/…_tenancy_rls) read these settings; set_config(…,
// true) scopes them to the transaction, so a pooled connection never carries them to the next
// request.
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client.ts";

export interface TenantScope {
  /** The account the request acts in; null before one is chosen. */
  accountId: string | null;
  /** Accounts whose rows the request may read and write (current account, plus sub-accounts
   * for agency owners/admins acting in the agency). */
  accountIds: readonly string[];
  userId: string | null;
  apiKeyId: string | null;
  requestId?: string;
  /** Per-statement limit inside the request, in milliseconds. */
  statementTimeoutMs?: number;
}

export const emptyScope: TenantScope = { accountId: null, accountIds: [], userId: null, apiKeyId: null };

/** The settings, one set_config(…, true) each, as the columns of one select. */
function scopeSettings(scope: TenantScope) {
  return {
    accountId: sql<string>`set_config('app.account_id', ${scope.accountId ?? ""}, true)`,
    accountIds: sql<string>`set_config('app.account_ids', ${`{${scope.accountIds.join(",")}}`}, true)`,
    userId: sql<string>`set_config('app.user_id', ${scope.userId ?? ""}, true)`,
    apiKeyId: sql<string>`set_config('app.api_key_id', ${scope.apiKeyId ?? ""}, true)`,
    requestId: sql<string>`set_config('app.request_id', ${scope.requestId ?? ""}, true)`,
    statementTimeout: sql<string>`set_config('statement_timeout', ${String(scope.statementTimeoutMs ?? 10_000)}, true)`,
  };
}

export function scopeSettingsSql(scope: TenantScope) {
  return sql`select ${sql.join(Object.values(scopeSettings(scope)), sql`, `)}`;
}

/**
 * The statement that applies `scope`, as a prepared statement: Postgres parses it once per
 * connection (drizzle sends tx.execute() and unprepared builders as unnamed statements, parsed and
 * planned on every request). `.execute()` sends it at once; a statement sent after it on the same
 * transaction runs after it, so a caller may pipeline the two (see resolveAccess).
 */
export function scopeStatement(tx: Transaction, scope: TenantScope) {
  return tx.select(scopeSettings(scope)).from(sql`(select) as scope`).prepare("tenant_scope");
}

/** Re-states the scope inside an open transaction (e.g. after creating a sub-account). */
export async function applyScope(tx: Transaction, scope: TenantScope): Promise<void> {
  await scopeStatement(tx, scope).execute();
}

export function withTenant<T>(
  db: Database,
  scope: TenantScope,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    // Sent without waiting: statements on one transaction run in the order they were sent, so
    // fn's first statement runs after the settings, in the same round trip. Had the settings
    // failed, the transaction is aborted and that statement fails too (never runs unscoped).
    const settings = scopeStatement(tx, scope).execute();
    const [, result] = await Promise.all([settings, fn(tx)]);
    return result;
  });
}
