// Platform-admin fields work without a current account. Whether the caller is a platform admin is
// asked of the database (app.is_platform_admin), once per request; domain operations check it
// again themselves.
import { isPlatformAdmin, type PlatformContext } from "@markettina/domain";
import type { GraphQLContext } from "../context.ts";
import { type MutationResult, runAccountlessMutation } from "./user-errors.ts";

const adminByRequest = new WeakMap<GraphQLContext, Promise<boolean>>();

/** Whether the caller is a platform admin: asked of the database once per request. */
export function isPlatformAdminRequest(ctx: GraphQLContext): Promise<boolean> {
  if (ctx.principal?.kind !== "user") return Promise.resolve(false);
  let answer = adminByRequest.get(ctx);
  if (!answer) {
    answer = isPlatformAdmin(ctx.tx);
    adminByRequest.set(ctx, answer);
  }
  return answer;
}

/** Runs a platform-admin operation in a savepoint; the domain checks the admin flag itself. */
export function runPlatformMutation<T extends object>(
  ctx: GraphQLContext,
  operation: (platform: PlatformContext) => Promise<T>,
  empty: { [K in keyof T]: null },
): Promise<MutationResult<T>> {
  const scope = platformScope(ctx);
  return runAccountlessMutation(ctx, (tx) => operation({ tx, actor: ctx.actor, scope }), empty);
}

/** The request's scope, or an account-less one for a user acting installation-wide. */
export function platformScope(ctx: GraphQLContext): PlatformContext["scope"] {
  return (
    ctx.access?.scope ?? {
      accountId: null,
      accountIds: [],
      userId: ctx.principal?.kind === "user" ? ctx.principal.userId : null,
      apiKeyId: null,
      requestId: ctx.requestId,
    }
  );
}
