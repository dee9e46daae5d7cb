// Soft delete of many contacts at once (a selection in the list) and restore of one. A deleted
// contact disappears from lists, segments and journeys' reach, and can be restored for 30 days;
// its e-mail stays taken, so importing it again restores it (upsert-contacts.ts).
import { schema } from "@markettina/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";
import { type ContactRow, MAX_CONTACT_BATCH } from "./contact-inputs.ts";
import { lockContact } from "./load-contact.ts";
import { recordContactChanges } from "./record-contact-changes.ts";

export const CONTACT_RESTORE_DAYS = 30;

export const DeleteContactsInput = z.object({
  ids: z
    .array(z.uuid())
    .min(1, "Choose the contacts to delete.")
    .max(MAX_CONTACT_BATCH, `At most ${MAX_CONTACT_BATCH} contacts at a time.`),
});
export type DeleteContactsInput = z.input<typeof DeleteContactsInput>;

/** Deletes the live contacts among `ids` (others, or unknown ids, are left as they are). */
export async function deleteContacts(
  ctx: OperationContext,
  raw: DeleteContactsInput,
): Promise<{ ids: string[] }> {
  authorize(ctx, "contacts:write");
  const input = parseInput(DeleteContactsInput, raw);
  const c = schema.contacts;
  const deleted = await ctx.tx
    .update(c)
    .set({ deletedAt: sql`now()`, deletedBy: ctx.actor.userId, version: sql`${c.version} + 1` })
    .where(and(eq(c.accountId, ctx.accountId), inArray(c.id, [...new Set(input.ids)]), isNull(c.deletedAt)))
    .returning({ id: c.id });
  const ids = deleted.map((d) => d.id);
  await recordContactChanges(
    ctx,
    "contact.deleted",
    ids.map((id) => ({ id })),
  );
  // Deleted contacts leave their dynamic segments (which may end journeys' reach for them).
  if (ids.length > 0) await refreshContactMemberships(ctx, ids);
  return { ids };
}

export const RestoreContactInput = z.object({ id: z.uuid() });
export type RestoreContactInput = z.input<typeof RestoreContactInput>;

export async function restoreContact(ctx: OperationContext, raw: RestoreContactInput): Promise<ContactRow> {
  authorize(ctx, "contacts:write");
  const input = parseInput(RestoreContactInput, raw);
  const before = await lockContact(ctx, input.id, null, { deleted: true });
  if (!before.deletedAt) fail("CONFLICT", "The contact is not deleted.", "id");
  if (before.deletedAt!.getTime() < Date.now() - CONTACT_RESTORE_DAYS * 86_400_000) {
    fail("EXPIRED", `Deleted contacts can be restored for ${CONTACT_RESTORE_DAYS} days.`, "id");
  }
  const c = schema.contacts;
  const [after] = await ctx.tx
    .update(c)
    .set({ deletedAt: null, deletedBy: null, version: sql`${c.version} + 1` })
    .where(eq(c.id, before.id))
    .returning();
  await recordChange(ctx, { action: "contact.restored", entityType: "contact", entityId: before.id });
  await refreshContactMemberships(ctx, [before.id]);
  return after!;
}
