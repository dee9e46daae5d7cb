// The rules checked in the sender's claim transaction, just before sending (send-message.ts): the
// contact exists and is active, a marketing message has granted consent on its channel, and the
// contact is under the journey's frequency cap. For a whole batch in two or three statements.
import type { Transaction } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { MessageRow, SuppressionReason } from "./send-message.ts";

/** Why each claimed message must not go out now (those missing may go). Locks their contacts. */
export async function suppressions(
  tx: Transaction,
  accountId: string,
  claimed: readonly MessageRow[],
  now: Date,
  leaseSeconds: number,
): Promise<Map<string, SuppressionReason>> {
  const reasons = new Map<string, SuppressionReason>();
  const contactIds = [...new Set(claimed.map((m) => m.contactId))].sort();
  // The contacts, locked, with the channels they granted marketing consent on (the rule of
  // contacts/consent.ts hasMarketingConsent, for all of them in one statement).
  const contacts = await tx.execute<{
    id: string;
    status: string;
    deleted_at: string | null;
    granted: string | null;
  }>(sql`
    select c.id, c.status, c.deleted_at,
           (select string_agg(r.channel::text, ',') from consent_records r
             where r.account_id = c.account_id and r.contact_id = c.id
               and r.type = 'marketing' and r.status = 'granted') as granted
      from contacts c
     where c.id = any(${sql.param([...contactIds])}::uuid[])
     order by c.id
       for no key update of c`);
  const contactOf = new Map(contacts.map((row) => [row.id, row]));
  const granted = new Set(
    contacts.flatMap((row) =>
      (row.granted ?? "")
        .split(",")
        .filter(Boolean)
        .map((ch) => `${row.id}:${ch}`),
    ),
  );
  const marketing = claimed.filter((m) => m.purpose === "marketing");

  // The frequency cap: what each capped contact was sent (or is being sent by another live claim)
  // in the longest window any of its messages asks about.
  const capped = marketing.filter((m) => frequencyCapOf(m.payload));
  const history = new Map<string, Date[]>();
  if (capped.length > 0) {
    const hours = Math.max(...capped.map((m) => frequencyCapOf(m.payload)!.periodHours));
    const batch = sql.param(claimed.map((m) => m.id));
    const cappedContacts = sql.param([...new Set(capped.map((m) => m.contactId))]);
    const rows = await tx.execute<{ contact_id: string; at: string }>(sql`
      select contact_id, coalesce(sent_at, claimed_at) as at from message_queue
       where account_id = ${accountId} and contact_id = any(${cappedContacts}::uuid[]) and purpose = 'marketing'
         and id <> all(${batch}::uuid[])
         and ((status = 'sent' and sent_at > ${now}::timestamptz - make_interval(hours => ${hours}::int))
              or (status = 'sending' and claimed_at >= ${now}::timestamptz - make_interval(secs => ${leaseSeconds}::int)))`);
    for (const row of rows)
      history.set(row.contact_id, [...(history.get(row.contact_id) ?? []), new Date(row.at)]);
  }

  // In claim order (priority, scheduled time): a message allowed counts against the next ones.
  for (const message of claimed) {
    const contact = contactOf.get(message.contactId);
    let reason: SuppressionReason | null = null;
    if (!contact || contact.deleted_at) reason = "contact_deleted";
    else if (message.purpose === "marketing") {
      if (contact.status !== "active") reason = `contact_${contact.status}` as SuppressionReason;
      else if (!granted.has(`${message.contactId}:${message.channel}`)) reason = "no_consent";
      else {
        const cap = frequencyCapOf(message.payload);
        const sentBefore = history.get(message.contactId) ?? [];
        if (cap) {
          const since = now.getTime() - cap.periodHours * 3_600_000;
          if (sentBefore.filter((at) => at.getTime() > since).length >= cap.maxMessages)
            reason = "frequency_cap";
        }
        // Even an uncapped message counts towards a capped one after it.
        if (!reason) history.set(message.contactId, [...sentBefore, now]);
      }
    }
    if (reason) reasons.set(message.id, reason);
  }
  return reasons;
}

/** The journey's cap, carried in the payload when the message was queued (versions are immutable,
 * so it is the cap of the version that queued it). */
function frequencyCapOf(
  payload: Record<string, unknown>,
): { maxMessages: number; periodHours: number } | null {
  const cap = payload.frequencyCap as { maxMessages?: unknown; periodHours?: unknown } | null | undefined;
  if (!cap || typeof cap.maxMessages !== "number" || typeof cap.periodHours !== "number") return null;
  return { maxMessages: cap.maxMessages, periodHours: cap.periodHours };
}
