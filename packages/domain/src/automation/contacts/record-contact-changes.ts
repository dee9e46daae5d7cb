// The audit trail and domain events of a bulk change (upsert, import, tagging, deleting): one row
// each per contact, as recordChange writes for a single one, but in one statement for the batch
// rather than one round trip per contact.
import { uuidv7 } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { redact } from "../../platform/redact.ts";

export interface ContactChange {
  id: string;
  before?: unknown;
  after?: unknown;
  /** The domain event's payload; default: `after`, or nothing. */
  payload?: Record<string, unknown>;
}

export async function recordContactChanges(
  ctx: OperationContext,
  action: string,
  changes: readonly ContactChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => {
    const after = c.after === undefined ? null : redact(c.after);
    return {
      audit_id: uuidv7(),
      event_id: uuidv7(),
      entity_id: c.id,
      before: c.before === undefined ? null : redact(c.before),
      after,
      payload: c.payload ?? after ?? {},
    };
  });
  const { userId, apiKeyId, ip, userAgent, requestId } = ctx.actor;
  await ctx.tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb)
        as i(audit_id uuid, event_id uuid, entity_id uuid, before jsonb, after jsonb, payload jsonb)
    ), audit as (
      insert into audit_logs (id, account_id, actor_user_id, actor_api_key_id, action, entity_type,
                              entity_id, before, after, ip, user_agent, request_id)
      select i.audit_id, ${ctx.accountId}::uuid, ${userId}::uuid, ${apiKeyId}::uuid, ${action}::text,
             'contact', i.entity_id, i.before, i.after, ${ip}::text, ${userAgent}::text, ${requestId}::text
        from input i
    )
    insert into domain_events (id, account_id, aggregate_type, aggregate_id, event_type, payload,
                               correlation_id, actor_user_id, actor_api_key_id)
    select i.event_id, ${ctx.accountId}::uuid, 'contact', i.entity_id, ${action}::text, i.payload,
           ${requestId}::text, ${userId}::uuid, ${apiKeyId}::uuid
      from input i`);
}
