// The author takes an item back out of review without changing it (to keep working on it).
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { closePendingApproval, writeContentVersion } from "./write-content-version.ts";

export const ContentItemRef = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type ContentItemRefInput = z.input<typeof ContentItemRef>;

export async function withdrawContentReview(
  ctx: OperationContext,
  raw: ContentItemRefInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(ContentItemRef, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  if (before.status !== "review") {
    fail("INVALID_TRANSITION", `A ${before.status} item is not in review.`, "status");
  }
  await closePendingApproval(ctx, before.id, { decision: "withdrawn", comment: "" });
  return writeContentVersion(
    ctx,
    before,
    { status: "draft" },
    { action: "content_item.review_withdrawn", payload: {} },
  );
}
