// Gives a failed post another go: it is scheduled again and due at once (its planned time has
// passed), so the publisher picks it up on its next round. Attempts are kept: they count every
// try the post has had, and the publisher's backoff goes on from there.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { lockPost, requirePostStatus } from "./load-post.ts";
import type { ScheduledPostRow } from "./post-inputs.ts";

export const RetryPostInput = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type RetryPostInput = z.input<typeof RetryPostInput>;

export async function retryPost(ctx: OperationContext, raw: RetryPostInput): Promise<ScheduledPostRow> {
  authorize(ctx, "content:write");
  const input = parseInput(RetryPostInput, raw);
  const before = await lockPost(ctx, input.id, input.version);
  requirePostStatus(before, ["failed"], "retried");
  const p = schema.scheduledPosts;
  const [after] = await ctx.tx
    .update(p)
    .set({ status: "scheduled", nextAttemptAt: null, claimedAt: null, version: sql`${p.version} + 1` })
    .where(eq(p.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "scheduled_post.retried",
    entityType: "scheduled_post",
    entityId: before.id,
    before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
    after: { status: "scheduled", attempts: after!.attempts },
  });
  return after!;
}
