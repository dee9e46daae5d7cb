// Edits a segment, naming the version read. New conditions (or turning a static segment dynamic)
// recalculate its members in the same transaction: contacts who no longer match exit, new matches
// enter (and are enrolled by journeys triggered on entry). A static segment keeps its members
// whatever its conditions say (they only seeded it); turning a dynamic one static freezes its
// current members.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput, uniqueViolation } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { Condition } from "./conditions.ts";
import { loadSegment, lockSegment, SEGMENT_NAME_TAKEN, type SegmentRow } from "./load-segment.ts";
import { recalculateSegment, segmentLock } from "./refresh-segment.ts";
import { SegmentFields } from "./segment-inputs.ts";
import { validateConditions } from "./validate-conditions.ts";

/** Fields left out are left alone. */
export const UpdateSegmentInput = SegmentFields.partial().extend({
  id: z.uuid(),
  version: z.number().int().positive(),
});
export type UpdateSegmentInput = z.input<typeof UpdateSegmentInput>;

export async function updateSegment(ctx: OperationContext, raw: UpdateSegmentInput): Promise<SegmentRow> {
  authorize(ctx, "contacts:write");
  const input = parseInput(UpdateSegmentInput, raw);
  // The advisory lock before the row lock, as every segment write takes them (refresh-segment.ts).
  await segmentLock(ctx, [input.id], "exclusive");
  const before = await lockSegment(ctx, input.id, input.version);
  const { id: _id, version: _version, conditions: rawConditions, ...fields } = input;
  const changes: Partial<SegmentRow> = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => v !== undefined && v !== before[k as keyof SegmentRow]),
  );
  if (rawConditions !== undefined && rawConditions !== null) {
    const condition = await validateConditions(ctx, rawConditions, { segmentId: before.id });
    if (JSON.stringify(condition) !== JSON.stringify(before.conditions)) {
      changes.conditions = condition as unknown as Record<string, unknown>;
    }
  }
  const kind = changes.kind ?? before.kind;
  if (kind === "dynamic" && !Condition.safeParse(changes.conditions ?? before.conditions).success) {
    fail("INVALID", "A dynamic segment needs conditions.", "conditions");
  }
  if (Object.keys(changes).length === 0) return before;
  const s = schema.marketingSegments;
  let after: SegmentRow;
  try {
    [after] = (await ctx.tx
      .update(s)
      .set({ ...changes, version: sql`${s.version} + 1` })
      .where(and(eq(s.accountId, ctx.accountId), eq(s.id, before.id)))
      .returning()) as [SegmentRow];
  } catch (error) {
    if (uniqueViolation(error) === SEGMENT_NAME_TAKEN) {
      fail("TAKEN", "There is already a segment with this name.", "name");
    }
    throw error;
  }
  if (kind === "dynamic" && ("conditions" in changes || "kind" in changes)) {
    await recalculateSegment(ctx, after);
    after = await loadSegment(ctx, after.id);
  }
  await recordChange(ctx, {
    action: "segment.updated",
    entityType: "marketing_segment",
    entityId: before.id,
    before,
    after,
  });
  return after;
}
