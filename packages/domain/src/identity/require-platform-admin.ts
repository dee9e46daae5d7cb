// Platform admins edit the installation-wide catalogs, confirm manual payments and adjust wallets.
// The database answers whether the caller is one (app.is_platform_admin reads
// users.is_platform_admin, which the application role can never set).
import { applyScope, type Transaction } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { OperationContext, PlatformContext } from "../context.ts";
import { forbidden } from "../errors.ts";

export async function isPlatformAdmin(tx: Transaction): Promise<boolean> {
  const [row] = await tx.execute<{ admin: boolean }>(sql`select app.is_platform_admin() as admin`);
  return row?.admin === true;
}

export async function requirePlatformAdmin(tx: Transaction): Promise<void> {
  if (!(await isPlatformAdmin(tx))) forbidden("Only a platform admin can do this.");
}

/**
 * An operation context in one tenant's account for a verified platform admin: the request's RLS
 * scope widens to that account for the rest of the transaction. Audit entries and events land in
 * the tenant's account with the admin as actor.
 */
export async function enterAccountAsPlatformAdmin(
  ctx: PlatformContext,
  accountId: string,
): Promise<OperationContext> {
  await requirePlatformAdmin(ctx.tx);
  if (!ctx.scope.accountIds.includes(accountId)) {
    ctx.scope = { ...ctx.scope, accountIds: [...ctx.scope.accountIds, accountId] };
    await applyScope(ctx.tx, ctx.scope);
  }
  return { tx: ctx.tx, actor: ctx.actor, accountId, role: null, scopes: null, scope: ctx.scope };
}
