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

export function scopeSettingsSql(scope: TenantScope) {
  return sql`select
    set_config('app.account_id', ${scope.accountId ?? ""}, true),
    set_config('app.account_ids', ${`{${scope.accountIds.join(",")}}`}, true),
    set_config('app.user_id', ${scope.userId ?? ""}, true),
    set_config('app.api_key_id', ${scope.apiKeyId ?? ""}, true),
    set_config('app.request_id', ${scope.requestId ?? ""}, true),
    set_config('statement_timeout', ${String(scope.statementTimeoutMs ?? 10_000)}, true)`;
}

/** Re-states the scope inside an open transaction (e.g. after creating a sub-account). */
export async function applyScope(tx: Transaction, scope: TenantScope): Promise<void> {
  await tx.execute(scopeSettingsSql(scope));
}

export function withTenant<T>(
  db: Database,
  scope: TenantScope,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await applyScope(tx, scope);
    return fn(tx);
  });
}
