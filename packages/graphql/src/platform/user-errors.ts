// Mutations answer with a payload: the changed object plus userErrors for expected failures.
// Each mutation runs in a savepoint, so a failure leaves nothing half-written while the request's
// transaction (and its RLS settings) carries on.
import type { OperationContext, UserError } from "@markettina/domain";
import { DomainError } from "@markettina/domain";
import { builder } from "../builder.ts";
import { type GraphQLContext, operationContext } from "../context.ts";

export const UserErrorCodeEnum = builder.enumType("UserErrorCode", {
  values: [
    "INVALID",
    "TAKEN",
    "NOT_FOUND",
    "FORBIDDEN",
    "CONFLICT",
    "EXPIRED",
    "LAST_OWNER",
    "INSUFFICIENT_TOKENS",
    "IDEMPOTENCY_KEY_REUSED",
    "ALREADY_REDEEMED",
    "PAYMENT_PROVIDER_ERROR",
    "INVALID_TRANSITION",
    "IN_THE_PAST",
    "UNKNOWN_VARIABLE",
    "INVALID_DEFINITION",
    "TOO_MANY",
  ] as const,
});

export const UserErrorRef = builder.objectRef<UserError>("UserError").implement({
  description: "An expected failure: what was wrong, with the input field it concerns.",
  fields: (t) => ({
    field: t.exposeString("field", { nullable: true }),
    code: t.field({ type: UserErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString("message"),
  }),
});

export type MutationResult<T> = { [K in keyof T]: T[K] | null } & { userErrors: UserError[] };
type Empty<T> = { [K in keyof T]: null };

/** Runs a domain operation in a savepoint; DomainError becomes userErrors, anything else throws. */
export async function runMutation<T extends object>(
  ctx: GraphQLContext,
  operation: (op: OperationContext) => Promise<T>,
  empty: Empty<T>,
): Promise<MutationResult<T>> {
  try {
    return await ctx.tx.transaction(async (savepoint) => {
      const op = operationContext(ctx, savepoint);
      const value = await operation(op);
      // An operation may widen the RLS scope (a new sub-account); later fields must see it too.
      if (ctx.access) ctx.access.scope = op.scope;
      return { ...value, userErrors: [] } as MutationResult<T>;
    });
  } catch (error) {
    if (error instanceof DomainError) return { ...empty, userErrors: error.errors } as MutationResult<T>;
    throw error;
  }
}

/** Same, for operations that need no current account (accepting an invitation). */
export async function runAccountlessMutation<T extends object>(
  ctx: GraphQLContext,
  operation: (tx: GraphQLContext["tx"]) => Promise<T>,
  empty: Empty<T>,
): Promise<MutationResult<T>> {
  try {
    return await ctx.tx.transaction(
      async (savepoint) => ({ ...(await operation(savepoint)), userErrors: [] }) as MutationResult<T>,
    );
  } catch (error) {
    if (error instanceof DomainError) return { ...empty, userErrors: error.errors } as MutationResult<T>;
    throw error;
  }
}
