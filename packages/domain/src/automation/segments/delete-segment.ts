// Deletes a segment (soft: the row and its membership history stay, the name is free again). Its
// current memberships end. A segment still in use is refused rather than silently breaking what
// uses it: another segment's conditions, or a journey that is not archived (its draft or its
// published version names the segment: a trigger, a condition, a goal, an exit criterion).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { lockSegment } from "./load-segment.ts";
import { segmentLock } from "./refresh-segment.ts";

export const DeleteSegmentInput = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type DeleteSegmentInput = z.input<typeof DeleteSegmentInput>;

export async function deleteSegment(ctx: OperationContext, raw: DeleteSegmentInput): Promise<{ id: string }> {
  authorize(ctx, "contacts:write");
  const input = parseInput(DeleteSegmentInput, raw);
  await segmentLock(ctx, [input.id], "exclusive");
  const before = await lockSegment(ctx, input.id, input.version);
  // Trees are JSON: a reference is the id as a JSON string, wherever it sits in the tree.
  const mention = `%${JSON.stringify(before.id)}%`;
  const [users] = await ctx.tx.execute<{ segments: string[]; journeys: string[] }>(sql`
    select
      array(select s.name from marketing_segments s
             where s.account_id = ${ctx.accountId} and s.deleted_at is null and s.id <> ${before.id}
               and s.conditions::text like ${mention} order by s.name) as segments,
      array(select j.name from journeys j
             where j.account_id = ${ctx.accountId} and j.deleted_at is null and j.status <> 'archived'
               and (j.draft::text like ${mention}
                    or exists (select 1 from journey_versions v
                                where v.account_id = j.account_id and v.journey_id = j.id
                                  and v.number = j.published_version
                                  and v.definition::text like ${mention}))
             order by j.name) as journeys`);
  const using = [
    ...users!.segments.map((n) => `segment "${n}"`),
    ...users!.journeys.map((n) => `journey "${n}"`),
  ];
  if (using.length > 0) fail("CONFLICT", `The segment is in use by ${using.join(", ")}.`, "id");
  await ctx.tx.execute(sql`
    update segment_memberships set exited_at = greatest(now(), entered_at)
     where account_id = ${ctx.accountId} and segment_id = ${before.id} and exited_at is null`);
  await ctx.tx.execute(sql`
    update marketing_segments set deleted_at = now(), deleted_by = ${ctx.actor.userId},
           member_count = 0, version = version + 1
     where account_id = ${ctx.accountId} and id = ${before.id}`);
  await recordChange(ctx, {
    action: "segment.deleted",
    entityType: "marketing_segment",
    entityId: before.id,
    before,
  });
  return { id: before.id };
}
