// Every mutation leaves two traces in its own transaction: an audit entry (who did what, before and
// after, secrets redacted) and a domain event (what changed, for webhooks and projections).
import { schema, uuidv7 } from "@markettina/db";
import type { OperationContext } from "../context.ts";
import { redact } from "./redact.ts";

export interface Change {
  /** e.g. "api_key.created" — also the domain event type. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The account the change belongs to when it differs from the acting account. */
  accountId?: string;
  payload?: Record<string, unknown>;
}

export async function recordChange(ctx: OperationContext, change: Change): Promise<void> {
  const accountId = change.accountId ?? ctx.accountId;
  const before = change.before === undefined ? null : redact(change.before);
  const after = change.after === undefined ? null : redact(change.after);
  await ctx.tx.insert(schema.auditLogs).values({
    accountId,
    actorUserId: ctx.actor.userId,
    actorApiKeyId: ctx.actor.apiKeyId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before,
    after,
    ip: ctx.actor.ip,
    userAgent: ctx.actor.userAgent,
    requestId: ctx.actor.requestId,
  });
  await ctx.tx.insert(schema.domainEvents).values({
    id: uuidv7(),
    accountId,
    aggregateType: change.entityType,
    aggregateId: change.entityId,
    eventType: change.action,
    payload: (change.payload ?? (after as Record<string, unknown> | null) ?? {}) as Record<string, unknown>,
    correlationId: ctx.actor.requestId,
    actorUserId: ctx.actor.userId,
    actorApiKeyId: ctx.actor.apiKeyId,
  });
}
