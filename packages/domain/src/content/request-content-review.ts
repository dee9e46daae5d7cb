// The author asks for review: the draft goes to review with one pending approval, for the version
// it is now. The reviewer decides in decide-content-review.ts.
import { schema } from "@markettina/db";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, parseInput, type UserError } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { assertContentMove } from "./content-status.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { writeContentVersion } from "./write-content-version.ts";

export const RequestContentReviewInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  /** What the reviewer should look at. */
  note: z.string().trim().max(2_000, "At most 2,000 characters.").default(""),
});
export type RequestContentReviewInput = z.input<typeof RequestContentReviewInput>;

export async function requestContentReview(
  ctx: OperationContext,
  raw: RequestContentReviewInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(RequestContentReviewInput, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  assertContentMove(before, "review", "sent for review");
  // A reviewer is asked about finished text, not an empty shell.
  const missing: UserError[] = [];
  if (before.body.trim() === "") {
    missing.push({ field: "body", code: "INVALID", message: "Write the content before asking for review." });
  }
  if (before.type === "email" && before.subject === "") {
    missing.push({ field: "subject", code: "INVALID", message: "An email needs a subject before review." });
  }
  if (missing.length > 0) throw new DomainError(missing);
  const after = await writeContentVersion(
    ctx,
    before,
    { status: "review" },
    { action: "content_item.review_requested", payload: { note: input.note } },
  );
  // The item row is locked, and an item in review always has its pending approval closed when it
  // leaves review, so the one-pending-per-item unique index cannot be hit here.
  await ctx.tx.insert(schema.contentApprovals).values({
    accountId: ctx.accountId,
    contentItemId: before.id,
    version: after.version,
    requestedBy: ctx.actor.userId,
    requestNote: input.note,
  });
  return after;
}
