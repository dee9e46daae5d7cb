// The author takes an item back out of review without changing it (to keep working on it).
import type { OperationContext } from "../context.ts";
import { authorize } from "../identity/authorize.ts";
import { assertContentStatus } from "./content-status.ts";
import { type ContentItemRefInput, type ContentItemRow, lockContentItemRef } from "./load-content-item.ts";
import { closePendingApproval, writeContentVersion } from "./write-content-version.ts";

export async function withdrawContentReview(
  ctx: OperationContext,
  raw: ContentItemRefInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const before = await lockContentItemRef(ctx, raw);
  assertContentStatus(before, "review", "in review");
  await closePendingApproval(ctx, before.id, { decision: "withdrawn", comment: "" });
  return writeContentVersion(
    ctx,
    before,
    { status: "draft" },
    { action: "content_item.review_withdrawn", payload: {} },
  );
}
