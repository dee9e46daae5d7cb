// The reviewer's decision on an item in review (owners and admins: content:approve). Approve
// makes it approved (ready to publish); reject sends it back to draft with the reviewer's comment,
// which is required. The reviewer names the item version they read, so a decision is never about
// text they have not seen.
//
// Approving one's own request is allowed: in small teams the owner often writes and approves.
// It is recorded (the approval row names the same user as requester and reviewer; the event
// says selfReview) so a stricter team can see it.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { assertContentStatus } from "./content-status.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { closePendingApproval, writeContentVersion } from "./write-content-version.ts";

export const DecideContentReviewInput = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    decision: z.enum(["approved", "rejected"]),
    comment: z.string().trim().max(2_000, "At most 2,000 characters.").default(""),
  })
  .refine((d) => d.decision === "approved" || d.comment !== "", {
    path: ["comment"],
    message: "Say what to change: a rejection needs a comment.",
  });
export type DecideContentReviewInput = z.input<typeof DecideContentReviewInput>;

export async function decideContentReview(
  ctx: OperationContext,
  raw: DecideContentReviewInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:approve");
  const input = parseInput(DecideContentReviewInput, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  assertContentStatus(before, "review", "in review");
  const approval = await closePendingApproval(ctx, before.id, {
    decision: input.decision,
    comment: input.comment,
    reviewerId: ctx.actor.userId,
  });
  const selfReview = approval?.requestedBy != null && approval.requestedBy === ctx.actor.userId;
  return writeContentVersion(
    ctx,
    before,
    { status: input.decision === "approved" ? "approved" : "draft" },
    {
      action: `content_item.${input.decision}`,
      payload: { approvalId: approval?.id ?? null, comment: input.comment, selfReview },
    },
  );
}

export const approveContent = (
  ctx: OperationContext,
  raw: Omit<DecideContentReviewInput, "decision">,
): Promise<ContentItemRow> => decideContentReview(ctx, { ...raw, decision: "approved" });

export const rejectContent = (
  ctx: OperationContext,
  raw: Omit<DecideContentReviewInput, "decision">,
): Promise<ContentItemRow> => decideContentReview(ctx, { ...raw, decision: "rejected" });
