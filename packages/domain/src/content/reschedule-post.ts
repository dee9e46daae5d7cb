// Moves a post on the calendar, in one of two ways: to an exact new instant, or to another day
// ("date") keeping its time of day in the zone it was planned in — 09:00 Europe/Rome stays 09:00
// there across a DST change, so its UTC instant shifts by the change. Never into the past, never
// once the publisher has it (publishing) or is done with it (published, cancelled).
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { lockPost, requirePostStatus } from "./load-post.ts";
import {
  CalendarDate,
  moveToDate,
  PostTimeZone,
  requireFutureTime,
  type ScheduledPostRow,
} from "./post-inputs.ts";

export const ReschedulePostInput = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    /** The exact new instant. */
    scheduledAt: z.date().optional(),
    /** Or: the new day (YYYY-MM-DD), keeping the post's local time of day. */
    date: CalendarDate.optional(),
    /** The zone the post is planned in from now on; with `date`, the time of day is kept in it. */
    timeZone: PostTimeZone.optional(),
  })
  .refine((i) => (i.scheduledAt === undefined) !== (i.date === undefined), {
    message: "Give either a new time (scheduledAt) or a new day (date), not both.",
    path: ["scheduledAt"],
  });
export type ReschedulePostInput = z.input<typeof ReschedulePostInput>;

export async function reschedulePost(
  ctx: OperationContext,
  raw: ReschedulePostInput,
): Promise<ScheduledPostRow> {
  authorize(ctx, "content:write");
  const input = parseInput(ReschedulePostInput, raw);
  const before = await lockPost(ctx, input.id, input.version);
  // A failed post may be moved too: it is scheduled again at the new time.
  requirePostStatus(before, ["scheduled", "failed"], "rescheduled");
  const timeZone = input.timeZone ?? before.timeZone;
  const scheduledAt = input.date
    ? moveToDate(before.scheduledAt, before.timeZone, input.date, timeZone)
    : input.scheduledAt!;
  requireFutureTime(scheduledAt, input.date ? "date" : "scheduledAt");
  const p = schema.scheduledPosts;
  const [after] = await ctx.tx
    .update(p)
    .set({
      scheduledAt,
      timeZone,
      status: "scheduled",
      // The new time governs: no backoff left over from an earlier attempt.
      nextAttemptAt: null,
      claimedAt: null,
      version: sql`${p.version} + 1`,
    })
    .where(eq(p.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "scheduled_post.rescheduled",
    entityType: "scheduled_post",
    entityId: before.id,
    before: { scheduledAt: before.scheduledAt, timeZone: before.timeZone, status: before.status },
    after: { scheduledAt: after!.scheduledAt, timeZone: after!.timeZone, status: after!.status },
  });
  return after!;
}
