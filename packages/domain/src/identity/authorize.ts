import type { OperationContext } from "../context.ts";
import { forbidden } from "../errors.ts";
import { type Permission, roleAllows } from "./roles.ts";
import { scopesAllow } from "./scopes.ts";

/** Whether the principal of ctx holds a permission in its current account. */
export function can(ctx: Pick<OperationContext, "role" | "scopes">, permission: Permission): boolean {
  if (ctx.scopes) return scopesAllow(ctx.scopes, permission);
  return ctx.role !== null && roleAllows(ctx.role, permission);
}

export function authorize(ctx: Pick<OperationContext, "role" | "scopes">, permission: Permission): void {
  if (!can(ctx, permission)) forbidden();
}
