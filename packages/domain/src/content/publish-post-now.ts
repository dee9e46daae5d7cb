// "Publish now": a scheduled post becomes due at once. It does not publish in the request: the
// publisher, which finds due posts every few seconds, does it, so a post is still published at
// most once and through the same retries as any other.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { lockPost, requirePostStatus } from "./load-post.ts";
import type { ScheduledPostRow } from "./post-inputs.ts";

export const PublishPostNowInput = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type PublishPostNowInput = z.input<typeof PublishPostNowInput>;

export async function publishPostNow(
  ctx: OperationContext,
  raw: PublishPostNowInput,
): Promise<ScheduledPostRow> {
  authorize(ctx, "content:write");
  const input = parseInput(PublishPostNowInput, raw);
  const before = await lockPost(ctx, input.id, input.version);
  requirePostStatus(before, ["scheduled"], "published now");
  // The publisher sends approved content only; "now" on a draft could only fail. (A post planned
  // ahead may wait for its content's approval until its time.)
  const i = schema.contentItems;
  const [item] = await ctx.tx
    .select({ status: i.status })
    .from(i)
    .where(and(eq(i.accountId, ctx.accountId), eq(i.id, before.contentItemId)));
  if (item?.status !== "approved" && item?.status !== "published") {
    fail("INVALID", `Approve the content first: it is ${item?.status ?? "missing"}.`, "id");
  }
  const p = schema.scheduledPosts;
  // The database's clock, the one the publisher's due-post finder compares with.
  const [after] = await ctx.tx
    .update(p)
    .set({ scheduledAt: sql`now()`, nextAttemptAt: null, version: sql`${p.version} + 1` })
    .where(eq(p.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "scheduled_post.publish_requested",
    entityType: "scheduled_post",
    entityId: before.id,
    before: { scheduledAt: before.scheduledAt },
    after: { scheduledAt: after!.scheduledAt },
  });
  return after!;
}
