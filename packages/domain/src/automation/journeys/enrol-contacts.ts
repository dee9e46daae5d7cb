// Manual and API enrolment: people (console) and integrators (enrolContacts) put up to 1,000
// contacts into an active journey at once.
//
// Any trigger kind accepts manual enrolment. The trigger says when contacts enter by themselves
// (a segment entry, an event); a "manual" trigger only means they never do. Enrolling by hand
// into an event- or segment-triggered journey is how a marketer back-fills it or tries it on
// colleagues; the re-entry rule applies all the same.
//
// The entry key is manual:<entryKey> when the caller sends one (a retry with the same key enrols
// nobody twice), else manual:<request id>.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { DomainError, fail, notFound, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { enterJourney, lockEnrolTargets } from "./enter-journey.ts";

export const MAX_ENROL_CONTACTS = 1_000;

export const EnrolContactsInput = z.object({
  journeyId: z.uuid(),
  contactIds: z
    .array(z.uuid())
    .min(1, "Choose at least one contact.")
    .transform((ids) => [...new Set(ids)]),
  /** The caller's idempotency key for this enrolment (same key, same contacts: enrolled once). */
  entryKey: z.string().trim().min(1).max(200).optional(),
});
export type EnrolContactsInput = z.input<typeof EnrolContactsInput>;

export interface EnrolmentResult {
  /** Contacts who entered the journey now. */
  enrolled: number;
  /** Contacts kept out by the re-entry rule, or already enrolled with this entry key. */
  skipped: number;
}

export async function enrolContacts(
  ctx: OperationContext,
  raw: EnrolContactsInput,
): Promise<EnrolmentResult> {
  authorize(ctx, "journeys:write");
  if (Array.isArray(raw?.contactIds) && raw.contactIds.length > MAX_ENROL_CONTACTS) {
    fail("TOO_MANY", `Enrol at most ${MAX_ENROL_CONTACTS} contacts at a time.`, "contactIds");
  }
  const input = parseInput(EnrolContactsInput, raw);
  const [target] = await lockEnrolTargets(ctx, sql`j.id = ${input.journeyId}`);
  if (!target) {
    // No such journey, or it was never published (no version to run).
    const j = schema.journeys;
    const [exists] = await ctx.tx
      .select({ id: j.id })
      .from(j)
      .where(and(eq(j.accountId, ctx.accountId), eq(j.id, input.journeyId), isNull(j.deletedAt)));
    if (!exists) notFound("journeyId", "Journey");
    fail("INVALID_TRANSITION", "Publish and activate the journey before enrolling contacts.", "journeyId");
  }
  if (target!.status !== "active") {
    fail(
      "INVALID_TRANSITION",
      `The journey is ${target!.status}: only an active journey takes contacts.`,
      "journeyId",
    );
  }

  const c = schema.contacts;
  const found = await ctx.tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), inArray(c.id, input.contactIds), isNull(c.deletedAt)));
  if (found.length < input.contactIds.length) {
    const present = new Set(found.map((r) => r.id));
    const ids = raw.contactIds as string[];
    throw new DomainError(
      ids
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !present.has(id))
        .map(({ i }) => ({
          field: `contactIds.${i}`,
          code: "NOT_FOUND" as const,
          message: "Contact not found.",
        })),
    );
  }

  const entryKey = `manual:${input.entryKey ?? ctx.actor.requestId ?? uuidv7()}`;
  const entered = await enterJourney(
    ctx,
    target!,
    sql`select value::uuid as contact_id, ${entryKey}::text as entry_key
          from jsonb_array_elements_text(${JSON.stringify(input.contactIds)}::text::jsonb)`,
  );
  await recordChange(ctx, {
    action: "journey.contacts_enrolled",
    entityType: "journey",
    entityId: target!.journeyId,
    payload: { entryKey, requested: input.contactIds.length, enrolled: entered.length },
  });
  return { enrolled: entered.length, skipped: input.contactIds.length - entered.length };
}
