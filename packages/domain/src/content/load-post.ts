// The scheduled post a change names, locked, with the version check. The lock (select … for
// update) orders the change against the publisher, which claims a post by updating the same row:
// whichever comes second sees the other's status (a post being published cannot be moved).
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, notFound } from "../errors.ts";
import type { ScheduledPostRow, ScheduledPostStatus } from "./post-inputs.ts";

export async function lockPost(
  ctx: OperationContext,
  id: string,
  version: number,
): Promise<ScheduledPostRow> {
  const p = schema.scheduledPosts;
  const [row] = await ctx.tx
    .select()
    .from(p)
    .where(and(eq(p.accountId, ctx.accountId), eq(p.id, id)))
    .for("update");
  if (!row) return notFound("id", "Scheduled post");
  if (row.version !== version) {
    return fail("CONFLICT", "The post was changed meanwhile: reload it and try again.", "version");
  }
  return row;
}

/** Refuses the change unless the post is in one of `allowed` (INVALID_TRANSITION). */
export function requirePostStatus(
  post: ScheduledPostRow,
  allowed: readonly ScheduledPostStatus[],
  doing: string,
): void {
  if (allowed.includes(post.status)) return;
  const why: Record<ScheduledPostStatus, string> = {
    scheduled: "it is scheduled",
    publishing: "it is being published right now",
    published: "it has already been published",
    failed: "it has failed",
    cancelled: "it was cancelled",
  };
  fail("INVALID_TRANSITION", `This post cannot be ${doing}: ${why[post.status]}.`, "id");
}
