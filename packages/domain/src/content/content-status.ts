// The content item lifecycle (DOMAIN.md §4): draft → review → approved → published, and archived
// from anywhere but archived; archived comes back as a draft. Each move is made by exactly one
// operation, and an operation refuses a move the table does not hold with INVALID_TRANSITION:
//
//   draft    → review     requestContentReview
//   review   → approved   approveContent
//   review   → draft      rejectContent (with the reviewer's comment), withdrawContentReview,
//                         or an edit of what is published (updateContentItem, restoreContentVersion)
//   approved → draft      an edit of what is published
//   approved → published  markContentPublished (below: the publisher calls it)
//   * → archived          archiveContentItem (not from archived)
//   archived → draft      restoreContentItem
//
// Invariant kept by those operations: an item is in review exactly when it has one pending
// approval (the unique index content_approvals_one_pending_key allows at most one).
import type { Transaction } from "@markettina/db";
import { type Actor, type OperationContext, systemActor } from "../context.ts";
import { fail } from "../errors.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { writeContentVersion } from "./write-content-version.ts";

export const CONTENT_STATUSES = ["draft", "review", "approved", "published", "archived"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const CONTENT_TRANSITIONS: Record<ContentStatus, readonly ContentStatus[]> = {
  draft: ["review", "archived"],
  review: ["approved", "draft", "archived"],
  approved: ["published", "draft", "archived"],
  published: ["archived"],
  archived: ["draft"],
};

export const canMoveContent = (from: ContentStatus, to: ContentStatus): boolean =>
  CONTENT_TRANSITIONS[from].includes(to);

/** Refuses a move the lifecycle does not hold, naming what the item's status allows. */
export function assertContentMove(item: { status: ContentStatus }, to: ContentStatus, doing: string): void {
  if (canMoveContent(item.status, to)) return;
  fail("INVALID_TRANSITION", `A ${item.status} item cannot be ${doing}.`, "status");
}

/** Refuses an item not in `status`, for operations that act from that one status only. */
export function assertContentStatus(
  item: { status: ContentStatus },
  status: ContentStatus,
  being: string,
): void {
  if (item.status === status) return;
  fail("INVALID_TRANSITION", `A ${item.status} item is not ${being}.`, "status");
}

/**
 * The publisher's hook: an approved item becomes published when its first scheduled post goes
 * out. Publishing the same item again (another channel, a retried job) is a no-op that answers
 * the item unchanged, so calling it twice is safe. Any other status is INVALID_TRANSITION (a
 * DomainError): only approved content is published.
 *
 * Call it inside the tenant transaction that marks the post published (withTenant with the
 * post's account), so both commit or neither does. It locks the item row (select … for update):
 * take it after the post's own lock, always in that order. The change is recorded as the system's
 * (or `actor`'s, if the publisher has one to name).
 */
export async function markContentPublished(
  tx: Transaction,
  accountId: string,
  itemId: string,
  actor: Actor = systemActor,
): Promise<ContentItemRow> {
  const ctx: OperationContext = {
    tx,
    accountId,
    actor,
    role: null,
    scopes: null,
    scope: { accountId, accountIds: [accountId], userId: null, apiKeyId: null },
  };
  const before = await lockContentItem(ctx, itemId, null);
  if (before.status === "published") return before;
  assertContentMove(before, "published", "published (approve it first)");
  return writeContentVersion(ctx, before, { status: "published" }, { action: "content_item.published" });
}
