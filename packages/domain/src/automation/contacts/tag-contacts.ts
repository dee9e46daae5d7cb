// Adds and removes tags on many contacts at once (a bulk action in the list, a journey's tag step
// uses its own path). No version: tags are merged, not replaced, so concurrent edits compose.
import { schema } from "@markettina/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";
import { type ContactRow, MAX_CONTACT_BATCH, Tags } from "./contact-inputs.ts";
import { recordContactChanges } from "./record-contact-changes.ts";

export const TagContactsInput = z.object({
  ids: z
    .array(z.uuid())
    .min(1, "Choose the contacts to tag.")
    .max(MAX_CONTACT_BATCH, `At most ${MAX_CONTACT_BATCH} contacts at a time.`),
  add: Tags.default([]),
  remove: Tags.default([]),
});
export type TagContactsInput = z.input<typeof TagContactsInput>;

export async function tagContacts(ctx: OperationContext, raw: TagContactsInput): Promise<ContactRow[]> {
  authorize(ctx, "contacts:write");
  const input = parseInput(TagContactsInput, raw);
  if (input.add.length === 0 && input.remove.length === 0)
    fail("INVALID", "Name tags to add or remove.", "add");
  const c = schema.contacts;
  const add = sql.param(input.add);
  const remove = sql.param(input.remove);
  // Existing tags keep their order, new ones follow; a tag both added and removed is removed.
  const tags = sql`array(
    select t from unnest(${c.tags} || ${add}::text[]) with ordinality as u(t, n)
     where t <> all(${remove}::text[]) group by t order by min(n))`;
  const updated = await ctx.tx
    .update(c)
    .set({ tags, version: sql`${c.version} + 1` })
    .where(and(eq(c.accountId, ctx.accountId), inArray(c.id, [...new Set(input.ids)]), isNull(c.deletedAt)))
    .returning();
  await recordContactChanges(
    ctx,
    "contact.tagged",
    updated.map((row) => ({ id: row.id, payload: { add: input.add, remove: input.remove, tags: row.tags } })),
  );
  if (updated.length > 0)
    await refreshContactMemberships(
      ctx,
      updated.map((row) => row.id),
    );
  return updated;
}
