// Which accounts a principal may act in, and with which role. A user acts in the accounts they
// are a member of and, as an agency owner/admin, in every sub-account of that agency with the same
// role. An API key acts only in its own account.
import {
  applyScope,
  emptyScope,
  schema,
  scopeStatement,
  type TenantScope,
  type Transaction,
} from "@markettina/db";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { type Role, strongestRole } from "./roles.ts";

export interface ReachableAccount {
  id: string;
  slug: string;
  kind: "agency" | "business";
  parentAccountId: string | null;
  role: Role;
}

/** The accounts `userId` may act in: one row per membership that reaches an account. */
function reachableAccountsQuery(tx: Transaction, userId: string) {
  const { accounts: a, memberships: m } = schema;
  return tx
    .select({ id: a.id, slug: a.slug, kind: a.kind, parentAccountId: a.parentAccountId, role: m.role })
    .from(m)
    .innerJoin(
      a,
      or(eq(a.id, m.accountId), and(eq(a.parentAccountId, m.accountId), inArray(m.role, ["owner", "admin"]))),
    )
    .where(and(eq(m.userId, userId), isNull(a.deletedAt)))
    .orderBy(sql`${a.parentAccountId} nulls first`, a.slug)
    .prepare("reachable_accounts");
}

export async function listReachableAccounts(tx: Transaction, userId: string): Promise<ReachableAccount[]> {
  // RLS: own_memberships and reachable_accounts policies read app.user_id. The settings and the
  // query go out together (one round trip): statements sent on one transaction run in the order
  // they were sent, and the settings are sent first. Were they ever not, the query would see no
  // rows (nothing set yet), never someone else's.
  const settings = scopeStatement(tx, { ...emptyScope, userId }).execute();
  const query = reachableAccountsQuery(tx, userId).execute();
  const [, rows] = await Promise.all([settings, query]);
  const byId = new Map<string, ReachableAccount>();
  for (const row of rows) {
    const seen = byId.get(row.id);
    byId.set(row.id, seen ? { ...seen, role: strongestRole(seen.role, row.role) } : { ...row });
  }
  return [...byId.values()];
}

export type Principal =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; apiKeyId: string; accountId: string; scopes: string[] };

export interface Access {
  scope: TenantScope;
  /** Effective role in the current account (users only). */
  role: Role | null;
  scopes: string[] | null;
  reachable: ReachableAccount[];
}

export type AccessResult = { ok: true; access: Access } | { ok: false; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves the request's tenant scope and applies it to the transaction. `requested` is the
 * X-Account-Id header (an account id or slug). A principal naming an account it may not act in
 * gets the same answer whether that account exists or not.
 */
export async function resolveAccess(
  tx: Transaction,
  principal: Principal,
  requested: string | null,
  request: Pick<TenantScope, "requestId" | "statementTimeoutMs"> = {},
): Promise<AccessResult> {
  const denied: AccessResult = {
    ok: false,
    message: "You cannot act in this account, or it does not exist.",
  };
  if (principal.kind === "apiKey") {
    if (requested && requested !== principal.accountId) {
      const reachable = await listKeyAccount(tx, principal);
      if (!reachable.some((a) => a.id === requested || a.slug === requested)) return denied;
    }
    const scope: TenantScope = {
      accountId: principal.accountId,
      accountIds: [principal.accountId],
      userId: null,
      apiKeyId: principal.apiKeyId,
      ...request,
    };
    await applyScope(tx, scope);
    return { ok: true, access: { scope, role: null, scopes: principal.scopes, reachable: [] } };
  }

  const reachable = await listReachableAccounts(tx, principal.userId);
  const current = requested
    ? reachable.find((a) => (UUID.test(requested) ? a.id === requested : a.slug === requested))
    : undefined;
  if (requested && !current) return denied;
  const accountIds = current ? [current.id] : [];
  if (current?.kind === "agency" && (current.role === "owner" || current.role === "admin")) {
    // Agency managers see their sub-accounts' rows from the agency too (roll-ups).
    for (const a of reachable) if (a.parentAccountId === current.id) accountIds.push(a.id);
  }
  const scope: TenantScope = {
    accountId: current?.id ?? null,
    accountIds,
    userId: principal.userId,
    apiKeyId: null,
    ...request,
  };
  await applyScope(tx, scope);
  return { ok: true, access: { scope, role: current?.role ?? null, scopes: null, reachable } };
}

async function listKeyAccount(
  tx: Transaction,
  principal: { accountId: string },
): Promise<ReachableAccount[]> {
  await applyScope(tx, { ...emptyScope, accountIds: [principal.accountId] });
  return tx.execute<ReachableAccount>(
    sql`select id, slug, kind, parent_account_id as "parentAccountId", 'admin' as role from accounts where id = ${principal.accountId}`,
  );
}
