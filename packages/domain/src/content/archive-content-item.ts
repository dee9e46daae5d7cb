// Archiving takes an item out of circulation from any status (a pending review is withdrawn);
// restoring brings an archived item back as a draft, to be reviewed again before it goes out.
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { assertContentMove } from "./content-status.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { ContentItemRef, type ContentItemRefInput } from "./withdraw-content-review.ts";
import { closePendingApproval, writeContentVersion } from "./write-content-version.ts";

export async function archiveContentItem(
  ctx: OperationContext,
  raw: ContentItemRefInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(ContentItemRef, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  assertContentMove(before, "archived", "archived");
  if (before.status === "review") {
    await closePendingApproval(ctx, before.id, { decision: "withdrawn", comment: "Archived." });
  }
  return writeContentVersion(
    ctx,
    before,
    { status: "archived" },
    { action: "content_item.archived", payload: { from: before.status } },
  );
}

export async function restoreContentItem(
  ctx: OperationContext,
  raw: ContentItemRefInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(ContentItemRef, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  if (before.status !== "archived") {
    fail("INVALID_TRANSITION", `A ${before.status} item is not archived.`, "status");
  }
  return writeContentVersion(
    ctx,
    before,
    { status: "draft" },
    { action: "content_item.restored", payload: {} },
  );
}
