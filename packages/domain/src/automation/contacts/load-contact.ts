// The contact an edit names, locked, with the version check every people-edited object has; and
// the mapping of the contacts' unique keys to the field a person typed.
import { schema } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, notFound, uniqueViolation } from "../../errors.ts";
import type { ContactRow } from "./contact-inputs.ts";

export async function lockContact(
  ctx: OperationContext,
  id: string,
  version: number | null,
  options: { deleted?: boolean } = {},
): Promise<ContactRow> {
  const c = schema.contacts;
  const [row] = await ctx.tx
    .select()
    .from(c)
    .where(
      and(eq(c.accountId, ctx.accountId), eq(c.id, id), options.deleted ? undefined : isNull(c.deletedAt)),
    )
    .for("update");
  if (!row) return notFound("id", "Contact");
  if (version !== null && row.version !== version) {
    return fail("CONFLICT", "The contact was changed by someone else: reload it and try again.", "version");
  }
  return row;
}

/** Turns a violated unique key of contacts into TAKEN on the field; rethrows anything else. */
export function failOnTakenContactKey(error: unknown): never {
  const key = uniqueViolation(error);
  if (key === "contacts_email_key") {
    fail("TAKEN", "Another contact (perhaps a deleted one: restore it) has this e-mail address.", "email");
  }
  if (key === "contacts_external_id_key")
    fail("TAKEN", "Another contact has this external id.", "externalId");
  throw error;
}
