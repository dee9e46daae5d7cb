// Triggers: contacts entering a segment, or events ingested for them, enrol them into every
// active journey whose published version starts with a matching trigger. Called by segment
// refreshes and event ingestion in their own transaction (no permission of its own: it is a
// consequence of theirs). Each journey's re-entry rule applies; the entry key makes a trigger
// delivered twice enrol once:
//   segment:<membership id>  — one entry per stay in the segment (the open membership row);
//   event:<event id>         — one entry per event.
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { enterJourney, lockEnrolTargets } from "./enter-journey.ts";

export type TriggerFired =
  | { type: "segment_entry"; segmentId: string; contactIds: readonly string[] }
  | { type: "event"; eventType: string; events: readonly { contactId: string; eventId: string }[] };

/** Enrols the contacts the trigger names; returns how many executions were created. */
export async function enrolByTrigger(ctx: OperationContext, fired: TriggerFired): Promise<number> {
  const empty = fired.type === "segment_entry" ? fired.contactIds.length === 0 : fired.events.length === 0;
  if (empty) return 0;
  const matches =
    fired.type === "segment_entry"
      ? sql`t.node->'trigger'->>'type' = 'segment_entry' and t.node->'trigger'->>'segmentId' = ${fired.segmentId}`
      : sql`t.node->'trigger'->>'type' = 'event' and t.node->'trigger'->>'eventType' = ${fired.eventType}`;
  const targets = await lockEnrolTargets(ctx, sql`j.status = 'active' and ${matches}`);
  if (targets.length === 0) return 0;

  const candidates = fired.type === "segment_entry" ? segmentEntrants(ctx, fired) : eventEntrants(ctx, fired);
  let total = 0;
  for (const target of targets) total += (await enterJourney(ctx, target, candidates)).length;
  return total;
}

/** Members of the segment now (an open membership), with it as their entry. A contact the caller
 * names who has no open membership (it left again, or never entered) does not enter. */
function segmentEntrants(ctx: OperationContext, fired: Extract<TriggerFired, { type: "segment_entry" }>) {
  return sql`select distinct on (m.contact_id) m.contact_id, 'segment:' || m.id::text as entry_key
      from segment_memberships m
      join contacts k on k.account_id = m.account_id and k.id = m.contact_id and k.deleted_at is null
     where m.account_id = ${ctx.accountId} and m.segment_id = ${fired.segmentId} and m.exited_at is null
       and m.contact_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify([...new Set(fired.contactIds)])}::text::jsonb))
     order by m.contact_id, m.entered_at desc`;
}

/** One entrant per contact: its first event of the batch (a second event in the same batch must
 * not slip past the re-entry rule, which cannot see rows the same statement inserts). */
function eventEntrants(ctx: OperationContext, fired: Extract<TriggerFired, { type: "event" }>) {
  const events = JSON.stringify(
    fired.events.map((e, i) => ({ contact_id: e.contactId, event_id: e.eventId, ord: i })),
  );
  return sql`select distinct on (x.contact_id) x.contact_id, 'event:' || x.event_id as entry_key
      from jsonb_to_recordset(${events}::text::jsonb) as x(contact_id uuid, event_id text, ord int)
      join contacts k on k.account_id = ${ctx.accountId} and k.id = x.contact_id and k.deleted_at is null
     order by x.contact_id, x.ord`;
}
