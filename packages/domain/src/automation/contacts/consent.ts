// The one question every marketing send asks just before it goes out (DOMAIN.md §5: no marketing
// message is ever sent without granted consent).
import { schema, type Transaction } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";

export type ContactChannel = "email" | "sms" | "push";

/**
 * Whether the contact may receive a marketing message on `channel` now: the contact exists, is not
 * deleted, is `active` (not unsubscribed or bounced), and holds a `granted` marketing consent
 * record for that channel. No record (or pending/denied) means no: consent is opt-in.
 * Read inside the sender's transaction, so a revocation committed before it is always seen.
 */
export async function hasMarketingConsent(
  tx: Transaction,
  accountId: string,
  contactId: string,
  channel: ContactChannel,
): Promise<boolean> {
  const c = schema.contacts;
  const r = schema.consentRecords;
  const [row] = await tx
    .select({ id: c.id })
    .from(c)
    .innerJoin(
      r,
      and(
        eq(r.accountId, c.accountId),
        eq(r.contactId, c.id),
        eq(r.channel, channel),
        eq(r.type, "marketing"),
        eq(r.status, "granted"),
      ),
    )
    .where(and(eq(c.accountId, accountId), eq(c.id, contactId), isNull(c.deletedAt), eq(c.status, "active")))
    .limit(1);
  return row !== undefined;
}
