import type { TenantScope, Transaction } from "@markettina/db";
import type { Role } from "./identity/roles.ts";

/** Who performs an operation, as recorded in audit entries and domain events. */
export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** What every tenant operation receives: the request's RLS transaction, the acting principal
 * and the account it acts in. */
export interface OperationContext {
  tx: Transaction;
  actor: Actor;
  accountId: string;
  /** The actor's effective role in accountId (null for API keys, which use scopes). */
  role: Role | null;
  scopes: readonly string[] | null;
  /** The RLS scope in force; an operation that widens it (a new sub-account) updates it. */
  scope: TenantScope;
  /**
   * Runs `fn` in a transaction of its own, in the same tenant scope, committed when `fn` returns
   * (rolled back if it throws) whatever later happens to `tx`. It exists so that a hold can be
   * committed before slow outside work (an AI provider) starts: in `tx`, the hold's row lock on
   * the wallet would last until the request commits, stalling every other spend of the account.
   * Use it only for holds that undo themselves (a token reservation, which expires and is released
   * by billing.release-expired-reservations): what it commits survives a rollback of `tx`. It
   * takes a second pooled connection; it must not touch rows `tx` has locked (it would wait on its
   * own request). Absent (e.g. in scripts): callers fall back to `tx`.
   */
  detached?: <T>(fn: (tx: Transaction) => Promise<T>) => Promise<T>;
}

/** What platform-admin operations receive: they act on installation-wide data, or enter one
 * tenant's account after the database confirmed the caller is a platform admin. */
export interface PlatformContext {
  tx: Transaction;
  actor: Actor;
  scope: TenantScope;
}

export const systemActor: Actor = {
  userId: null,
  apiKeyId: null,
  requestId: null,
  ip: null,
  userAgent: null,
};
