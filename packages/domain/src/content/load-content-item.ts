// The content item an operation names, locked (select … for update) so two changes to one item run
// one after the other, with the version check every people-edited object has.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, notFound, parseInput } from "../errors.ts";

export type ContentItemRow = typeof schema.contentItems.$inferSelect;

/** An item named with the version the caller read: all that a plain status move needs. */
export const ContentItemRef = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type ContentItemRefInput = z.input<typeof ContentItemRef>;

/** `version` is the one the caller read (a newer one is a CONFLICT); null skips the check, for
 * callers that act on the item as it is now (the publisher). */
export async function lockContentItem(
  ctx: OperationContext,
  id: string,
  version: number | null,
): Promise<ContentItemRow> {
  const c = schema.contentItems;
  const [row] = await ctx.tx
    .select()
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, id)))
    .for("update");
  if (!row) return notFound("id", "Content item");
  if (version !== null && row.version !== version) {
    return fail("CONFLICT", "The content was changed by someone else: reload it and try again.", "version");
  }
  return row;
}

/** Parses a reference and locks the item it names, at that version (authorize first). */
export async function lockContentItemRef(
  ctx: OperationContext,
  raw: ContentItemRefInput,
): Promise<ContentItemRow> {
  const input = parseInput(ContentItemRef, raw);
  return lockContentItem(ctx, input.id, input.version);
}
