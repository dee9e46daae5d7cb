// Archiving takes an item out of circulation from any status (a pending review is withdrawn);
// restoring brings an archived item back as a draft, to be reviewed again before it goes out.
import type { OperationContext } from "../context.ts";
import { authorize } from "../identity/authorize.ts";
import { assertContentMove, assertContentStatus } from "./content-status.ts";
import { type ContentItemRefInput, type ContentItemRow, lockContentItemRef } from "./load-content-item.ts";
import { closePendingApproval, writeContentVersion } from "./write-content-version.ts";

export async function archiveContentItem(
  ctx: OperationContext,
  raw: ContentItemRefInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const before = await lockContentItemRef(ctx, raw);
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
  const before = await lockContentItemRef(ctx, raw);
  assertContentStatus(before, "archived", "archived");
  return writeContentVersion(
    ctx,
    before,
    { status: "draft" },
    { action: "content_item.restored", payload: {} },
  );
}
