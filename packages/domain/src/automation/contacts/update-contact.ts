// Edits a contact's fields, naming the version read. Attributes and tags given replace the
// contact's (tag-contacts.ts adds and removes tags without a version, for bulk actions).
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";
import { ContactFields, type ContactRow, reachabilityProblem } from "./contact-inputs.ts";
import { failOnTakenContactKey, lockContact } from "./load-contact.ts";

export const UpdateContactInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  changes: ContactFields.partial(),
});
export type UpdateContactInput = z.input<typeof UpdateContactInput>;

export async function updateContact(ctx: OperationContext, raw: UpdateContactInput): Promise<ContactRow> {
  authorize(ctx, "contacts:write");
  const input = parseInput(UpdateContactInput, raw);
  const before = await lockContact(ctx, input.id, input.version);
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined));
  const problem = reachabilityProblem({ ...before, ...changes });
  if (problem) fail("INVALID", problem.message, `changes.${problem.field}`);
  const c = schema.contacts;
  let after: ContactRow;
  try {
    [after] = (await ctx.tx
      .update(c)
      .set({ ...changes, version: sql`${c.version} + 1` })
      .where(eq(c.id, before.id))
      .returning()) as [ContactRow];
  } catch (error) {
    failOnTakenContactKey(error);
  }
  await recordChange(ctx, {
    action: "contact.updated",
    entityType: "contact",
    entityId: before.id,
    before,
    after,
  });
  await refreshContactMemberships(ctx, [before.id]);
  return after;
}
