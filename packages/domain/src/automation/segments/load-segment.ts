// The segment an operation names, read or locked, with the version check every people-edited
// object has.
import { schema } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, notFound } from "../../errors.ts";

export type SegmentRow = typeof schema.marketingSegments.$inferSelect;

export const SEGMENT_NAME_TAKEN = "marketing_segments_name_key";

/** One of the current account's live segments (RLS hides other tenants' rows anyway). */
export async function loadSegment(ctx: OperationContext, id: string, field = "id"): Promise<SegmentRow> {
  const s = schema.marketingSegments;
  const [row] = await ctx.tx
    .select()
    .from(s)
    .where(and(eq(s.accountId, ctx.accountId), eq(s.id, id), isNull(s.deletedAt)));
  return row ?? notFound(field, "Segment");
}

/** Locks the segment row: edits, deletes and membership changes of one segment queue up on it. */
export async function lockSegment(ctx: OperationContext, id: string, version?: number): Promise<SegmentRow> {
  const s = schema.marketingSegments;
  const [row] = await ctx.tx
    .select()
    .from(s)
    .where(and(eq(s.accountId, ctx.accountId), eq(s.id, id), isNull(s.deletedAt)))
    .for("update");
  if (!row) return notFound("id", "Segment");
  if (version !== undefined && row.version !== version) {
    return fail("CONFLICT", "The segment was changed by someone else: reload it and try again.", "version");
  }
  return row;
}
