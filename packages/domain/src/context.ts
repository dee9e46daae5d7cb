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
