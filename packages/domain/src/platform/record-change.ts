// Every mutation leaves two traces in its own transaction: an audit entry (who did what, before and
// after, secrets redacted) and a domain event (what changed, for webhooks and projections).
import { uuidv7 } from "@markettina/db";
import { sql } from "drizzle-orm";
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
  const payload = change.payload ?? (after as Record<string, unknown> | null) ?? {};
  const { userId, apiKeyId, ip, userAgent, requestId } = ctx.actor;
  // Both traces in one statement (one round trip): every mutation pays for it.
  await ctx.tx.execute(sql`
    with audit as (
      insert into audit_logs (id, account_id, actor_user_id, actor_api_key_id, action, entity_type,
                              entity_id, before, after, ip, user_agent, request_id)
      values (${uuidv7()}, ${accountId}, ${userId}, ${apiKeyId}, ${change.action}, ${change.entityType},
              ${change.entityId}, ${json(before)}, ${json(after)}, ${ip}, ${userAgent}, ${requestId})
    )
    insert into domain_events (id, account_id, aggregate_type, aggregate_id, event_type, payload,
                               correlation_id, actor_user_id, actor_api_key_id)
    values (${uuidv7()}, ${accountId}, ${change.entityType}, ${change.entityId}, ${change.action},
            ${json(payload)}, ${requestId}, ${userId}, ${apiKeyId})`);
}

// Sent as text and parsed by the server: a parameter typed jsonb would be JSON-encoded again.
const json = (value: unknown) => (value === null ? sql`null` : sql`${JSON.stringify(value)}::text::jsonb`);
