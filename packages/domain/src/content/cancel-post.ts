// Takes a post off the calendar before it goes out. A cancelled post stays (history, stats);
// schedule the content again to bring it back.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { lockPost, requirePostStatus } from "./load-post.ts";
import type { ScheduledPostRow } from "./post-inputs.ts";

export const CancelPostInput = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type CancelPostInput = z.input<typeof CancelPostInput>;

export async function cancelPost(ctx: OperationContext, raw: CancelPostInput): Promise<ScheduledPostRow> {
  authorize(ctx, "content:write");
  const input = parseInput(CancelPostInput, raw);
  // The row lock orders this against the publisher's claim: once it is publishing, it is too late.
  const before = await lockPost(ctx, input.id, input.version);
  requirePostStatus(before, ["scheduled", "failed"], "cancelled");
  const p = schema.scheduledPosts;
  const [after] = await ctx.tx
    .update(p)
    .set({ status: "cancelled", nextAttemptAt: null, claimedAt: null, version: sql`${p.version} + 1` })
    .where(eq(p.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "scheduled_post.cancelled",
    entityType: "scheduled_post",
    entityId: before.id,
    before: { status: before.status },
    after: { status: "cancelled" },
  });
  return after!;
}
