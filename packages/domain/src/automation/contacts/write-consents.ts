// Consent changes for many contacts in one statement: the current record per contact × channel ×
// type (consent_records), a consent_history row for every real change, and a marketing event
// (consent_granted / consent_revoked) that segments and event-triggered journeys react to.
// A change to the status a record already has writes nothing, so repeating one (a second click on
// an unsubscribe link, a re-imported file) leaves no trace.
import { uuidv7 } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import type { ConsentStatusValue } from "./contact-inputs.ts";

export interface ConsentChange {
  contactId: string;
  channel: "email" | "sms" | "push";
  type: "marketing" | "transactional";
  status: ConsentStatusValue;
  /** Where it came from: console, api, import, form, unsubscribe_link… */
  source: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface ConsentWritten {
  contactId: string;
  channel: ConsentChange["channel"];
  type: ConsentChange["type"];
  status: ConsentStatusValue;
  /** The marketing event appended for it (none for `pending`). */
  eventId: string | null;
  eventType: "consent_granted" | "consent_revoked" | null;
}

export async function writeConsents(
  ctx: OperationContext,
  changes: readonly ConsentChange[],
  options: {
    /**
     * false for bulk sources (imports, upserts): they may fill in a missing or pending consent but
     * never override a decision the person made (a re-imported list must not undo an unsubscribe).
     */
    overwrite: boolean;
  },
): Promise<ConsentWritten[]> {
  // One change per contact × channel × type (the last wins): a statement may not touch a row twice.
  const byKey = new Map<string, ConsentChange>();
  for (const c of changes) byKey.set(`${c.contactId}:${c.channel}:${c.type}`, c);
  if (byKey.size === 0) return [];
  const rows = [...byKey.values()].map((c) => ({
    record_id: uuidv7(),
    history_id: uuidv7(),
    event_id: uuidv7(),
    contact_id: c.contactId,
    channel: c.channel,
    type: c.type,
    status: c.status,
    source: c.source,
    // Omitted: the caller's own (a person in the console, a form posting for itself); null: none
    // known (an import records the consent, it did not witness it).
    ip: c.ip === undefined ? ctx.actor.ip : c.ip,
    user_agent: c.userAgent === undefined ? ctx.actor.userAgent : c.userAgent,
  }));
  const written = await ctx.tx.execute<{
    contact_id: string;
    channel: ConsentChange["channel"];
    type: ConsentChange["type"];
    status: ConsentStatusValue;
    event_id: string;
  }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb)
        as i(record_id uuid, history_id uuid, event_id uuid, contact_id uuid, channel consent_channel,
             type consent_type, status consent_status, source text, ip text, user_agent text)
    ), changed as (
      insert into consent_records as r (id, account_id, contact_id, channel, type, status, granted_at,
                                        revoked_at, source, ip)
      select i.record_id, ${ctx.accountId}::uuid, i.contact_id, i.channel, i.type, i.status,
             case when i.status = 'granted' then now() end,
             case when i.status = 'denied' then now() end, i.source, i.ip
        from input i
      on conflict (account_id, contact_id, channel, type) do update set
        status = excluded.status,
        granted_at = case when excluded.status = 'granted' then now() else r.granted_at end,
        revoked_at = case when excluded.status = 'granted' then null
                          when excluded.status = 'denied' then now() else r.revoked_at end,
        source = excluded.source, ip = excluded.ip, updated_at = now()
      where r.status is distinct from excluded.status
        and (${options.overwrite}::boolean or r.status = 'pending')
      returning r.contact_id, r.channel, r.type, r.status
    ), history as (
      insert into consent_history (id, account_id, contact_id, channel, type, status, source, ip,
                                   user_agent, actor_user_id, actor_api_key_id)
      select i.history_id, ${ctx.accountId}::uuid, c.contact_id, c.channel, c.type, c.status, i.source,
             i.ip, i.user_agent, ${ctx.actor.userId}::uuid, ${ctx.actor.apiKeyId}::uuid
        from changed c join input i using (contact_id, channel, type)
    ), events as (
      insert into marketing_events (id, account_id, contact_id, type, payload, occurred_at)
      select i.event_id, ${ctx.accountId}::uuid, c.contact_id,
             case c.status when 'granted' then 'consent_granted' else 'consent_revoked' end,
             jsonb_build_object('channel', c.channel, 'type', c.type, 'source', i.source), now()
        from changed c join input i using (contact_id, channel, type)
       where c.status <> 'pending'
    )
    select c.contact_id, c.channel, c.type, c.status, i.event_id
      from changed c join input i using (contact_id, channel, type)`);
  return [...written].map((w) => ({
    contactId: w.contact_id,
    channel: w.channel,
    type: w.type,
    status: w.status,
    eventId: w.status === "pending" ? null : w.event_id,
    eventType: w.status === "granted" ? "consent_granted" : w.status === "denied" ? "consent_revoked" : null,
  }));
}
