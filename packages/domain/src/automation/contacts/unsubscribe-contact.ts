// A person clicks the unsubscribe link of a marketing message (or their mail client sends the
// RFC 8058 one-click POST). The signed token is the authority here, not a role: the caller
// verified it (unsubscribe-token.ts) and runs this in the token's account with a system actor.
// Marketing consent on the channel is revoked; for e-mail the contact becomes `unsubscribed`.
// Idempotent: a second click changes nothing and records nothing.
import { schema, uuidv7 } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { recordChange } from "../../platform/record-change.ts";
import { type NewMarketingEvent, reactToEvents } from "../events/react-to-events.ts";
import type { ContactRow } from "./contact-inputs.ts";
import { lockContact } from "./load-contact.ts";
import type { UnsubscribeChannel } from "./unsubscribe-token.ts";
import { writeConsents } from "./write-consents.ts";

export interface UnsubscribeResult {
  contact: ContactRow;
  /** false when the contact had already unsubscribed (nothing was written). */
  changed: boolean;
}

export async function unsubscribeContact(
  ctx: OperationContext,
  input: { contactId: string; channel: UnsubscribeChannel },
): Promise<UnsubscribeResult> {
  // A deleted contact's link still works: the person must be able to say no whatever we did.
  const before = await lockContact(ctx, input.contactId, null, { deleted: true });
  const written = await writeConsents(
    ctx,
    [
      {
        contactId: before.id,
        channel: input.channel,
        type: "marketing",
        status: "denied",
        source: "unsubscribe_link",
      },
    ],
    { overwrite: true },
  );
  const events: NewMarketingEvent[] = written.flatMap((w) =>
    w.eventId && w.eventType ? [{ eventId: w.eventId, contactId: before.id, type: w.eventType }] : [],
  );
  let contact = before;
  if (input.channel === "email" && before.status === "active") {
    const c = schema.contacts;
    [contact] = (await ctx.tx
      .update(c)
      .set({ status: "unsubscribed", version: sql`${c.version} + 1` })
      .where(eq(c.id, before.id))
      .returning()) as [ContactRow];
    const eventId = uuidv7();
    await ctx.tx.insert(schema.marketingEvents).values({
      id: eventId,
      accountId: ctx.accountId,
      contactId: before.id,
      type: "unsubscribed",
      payload: { channel: "email", source: "unsubscribe_link" },
      occurredAt: new Date(),
    });
    events.push({ eventId, contactId: before.id, type: "unsubscribed" });
  }
  const changed = written.length > 0 || contact !== before;
  if (changed) {
    await recordChange(ctx, {
      action: "contact.unsubscribed",
      entityType: "contact",
      entityId: before.id,
      before: { status: before.status },
      after: { channel: input.channel, status: contact.status },
    });
    await reactToEvents(ctx, events, [before.id]);
  }
  return { contact, changed };
}
