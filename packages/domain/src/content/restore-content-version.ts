// Makes an earlier version's text current again, as a new version (history is never rewritten).
// It is an edit like any other: in review or approved, the item goes back to draft.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { applyContentChanges, assertEditable } from "./update-content-item.ts";

export const RestoreContentVersionInput = z.object({
  id: z.uuid(),
  /** The version currently shown (the optimistic lock). */
  version: z.number().int().positive(),
  restoreVersion: z.number().int().positive(),
});
export type RestoreContentVersionInput = z.input<typeof RestoreContentVersionInput>;

export async function restoreContentVersion(
  ctx: OperationContext,
  raw: RestoreContentVersionInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(RestoreContentVersionInput, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  assertEditable(before);
  const v = schema.contentVersions;
  const [old] = await ctx.tx
    .select({ title: v.title, subject: v.subject, body: v.body })
    .from(v)
    .where(
      and(
        eq(v.accountId, ctx.accountId),
        eq(v.contentItemId, before.id),
        eq(v.version, input.restoreVersion),
      ),
    );
  if (!old) return fail("NOT_FOUND", `There is no version ${input.restoreVersion}.`, "restoreVersion");
  return applyContentChanges(ctx, before, old, {
    action: "content_item.version_restored",
    payload: { restoredFromVersion: input.restoreVersion },
  });
}
