import type { Transaction } from "@markettina/db";
import {
  type Access,
  type Actor,
  can,
  type GenerationProvider,
  type HealthDeps,
  type OperationContext,
  type PaymentGateway,
  type Permission,
  type Principal,
  type RateLimitResult,
  type WorkflowEngineDeps,
} from "@markettina/domain";
import { GraphQLError } from "graphql";

/** Per-request context. Everything runs inside `tx`, the request's RLS transaction. */
export interface GraphQLContext {
  tx: Transaction;
  requestId: string;
  actor: Actor;
  /** null for anonymous requests (only acceptInvitation allows them). */
  principal: Principal | null;
  access: Access | null;
  /** Charges an operation's cost to the caller's rate limit (API keys); absent when unlimited. */
  spendCost?: (cost: number) => Promise<RateLimitResult>;
  /** Stripe Checkout, when the installation has Stripe configured; absent: manual payments. */
  paymentGateway?: PaymentGateway;
  /** Who writes generated content (an AI API); absent: offline drafts (no AI). */
  generationProvider?: GenerationProvider;
  /** A separately committed transaction in the request's current tenant scope, for holds that
   * must not keep rows locked while the request waits on outside work (OperationContext.detached
   * says when it may be used). Absent: operations use `tx`. */
  detached?: <T>(fn: (tx: Transaction) => Promise<T>) => Promise<T>;
  /** The workflow engine's ports: its job queue (pg-boss, written in the request's transaction) for
   * the steps that starting, retrying or approving makes runnable. Absent only in tests that need
   * no worker: the rows are written, no job is. */
  workflows?: WorkflowEngineDeps;
  /** The database health report's thresholds, replica probe and EXPLAIN timeout (platform admins).
   * Absent: defaults, no replica. */
  health?: HealthDeps;
}

export function currentAccountId(ctx: GraphQLContext): string {
  const id = ctx.access?.scope.accountId;
  if (!id) {
    throw new GraphQLError("Choose an account: send its id or slug in the X-Account-Id header.", {
      extensions: { code: "ACCOUNT_REQUIRED" },
    });
  }
  return id;
}

export function operationContext(ctx: GraphQLContext, tx: Transaction = ctx.tx): OperationContext {
  return {
    tx,
    actor: ctx.actor,
    accountId: currentAccountId(ctx),
    role: ctx.access?.role ?? null,
    scopes: ctx.access?.scopes ?? null,
    scope: ctx.access!.scope,
    detached: ctx.detached,
  };
}

export const allows = (ctx: GraphQLContext, permission: Permission): boolean =>
  ctx.access !== null && ctx.access.scope.accountId !== null && can(ctx.access, permission);
