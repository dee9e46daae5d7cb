// Records a contact's consent for a channel and type, as the person gave it (a form, a call, the
// console). Granting e-mail marketing again to a contact who had unsubscribed makes them active.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { reactToEvents } from "../events/react-to-events.ts";
import { CONSENT_CHANNELS, CONSENT_STATUSES, CONSENT_TYPES, type ContactRow } from "./contact-inputs.ts";
import { lockContact } from "./load-contact.ts";
import { writeConsents } from "./write-consents.ts";

export const SetConsentInput = z.object({
  contactId: z.uuid(),
  channel: z.enum(CONSENT_CHANNELS),
  type: z.enum(CONSENT_TYPES),
  status: z.enum(CONSENT_STATUSES),
  /** Where the consent was given: form, console, api, import… Default: console or api. */
  source: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_.:-]+$/i, "Use letters, digits and _ . : -")
    .optional(),
  /** The person's address and browser when they gave it (a form's), if not the caller's. */
  ip: z.string().trim().max(64).nullish(),
  userAgent: z.string().trim().max(512).nullish(),
});
export type SetConsentInput = z.input<typeof SetConsentInput>;

export async function setConsent(ctx: OperationContext, raw: SetConsentInput): Promise<ContactRow> {
  authorize(ctx, "contacts:write");
  const input = parseInput(SetConsentInput, raw);
  // Locked: an unsubscribe arriving at the same moment waits, so the later decision wins whole.
  const before = await lockContact(ctx, input.contactId, null);
  const [written] = await writeConsents(
    ctx,
    [
      {
        contactId: before.id,
        channel: input.channel,
        type: input.type,
        status: input.status,
        source: input.source ?? (ctx.actor.apiKeyId ? "api" : "console"),
        ip: input.ip ?? undefined,
        userAgent: input.userAgent ?? undefined,
      },
    ],
    { overwrite: true },
  );
  let contact = before;
  const resubscribed =
    input.channel === "email" &&
    input.type === "marketing" &&
    input.status === "granted" &&
    before.status === "unsubscribed";
  if (resubscribed) {
    const c = schema.contacts;
    [contact] = (await ctx.tx
      .update(c)
      .set({ status: "active", version: sql`${c.version} + 1` })
      .where(eq(c.id, before.id))
      .returning()) as [ContactRow];
  }
  if (written) {
    await recordChange(ctx, {
      action: "contact.consent_changed",
      entityType: "contact",
      entityId: before.id,
      before: resubscribed ? { status: before.status } : undefined,
      after: {
        channel: input.channel,
        type: input.type,
        status: input.status,
        contactStatus: contact.status,
      },
    });
    await reactToEvents(
      ctx,
      written.eventId && written.eventType
        ? [{ eventId: written.eventId, contactId: before.id, type: written.eventType }]
        : [],
      [before.id],
    );
  }
  return contact;
}
