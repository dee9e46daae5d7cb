// A marketer saves a segment. A dynamic one is calculated at once (members, member count), in the
// same transaction, so it is never listed with a count of 0 that nobody computed. A static one
// starts empty, or — given conditions — with the contacts matching them now (a snapshot that is
// never refreshed).
import { schema } from "@markettina/db";
import type { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput, uniqueViolation } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { loadSegment, SEGMENT_NAME_TAKEN, type SegmentRow } from "./load-segment.ts";
import { recalculateSegment, segmentLock } from "./refresh-segment.ts";
import { SegmentFields } from "./segment-inputs.ts";
import { snapshotMembers } from "./static-members.ts";
import { validateConditions } from "./validate-conditions.ts";

export const CreateSegmentInput = SegmentFields.partial({ description: true, kind: true, conditions: true });
export type CreateSegmentInput = z.input<typeof CreateSegmentInput>;

export async function createSegment(ctx: OperationContext, raw: CreateSegmentInput): Promise<SegmentRow> {
  authorize(ctx, "contacts:write");
  const input = parseInput(CreateSegmentInput, raw);
  const kind = input.kind ?? "dynamic";
  const given = input.conditions !== undefined && input.conditions !== null;
  if (kind === "dynamic" && !given) fail("INVALID", "A dynamic segment needs conditions.", "conditions");
  const condition = given ? await validateConditions(ctx, input.conditions) : null;
  let created: SegmentRow;
  try {
    [created] = (await ctx.tx
      .insert(schema.marketingSegments)
      .values({
        accountId: ctx.accountId,
        name: input.name,
        description: input.description ?? "",
        kind,
        conditions: (condition ?? {}) as Record<string, unknown>,
        createdBy: ctx.actor.userId,
      })
      .returning()) as [SegmentRow];
  } catch (error) {
    if (uniqueViolation(error) === SEGMENT_NAME_TAKEN) {
      fail("TAKEN", "There is already a segment with this name.", "name");
    }
    throw error;
  }
  // Nobody else can see the new row yet; the lock keeps the periodic refresh out once they can.
  await segmentLock(ctx, [created.id], "exclusive");
  if (kind === "static" && condition) await snapshotMembers(ctx, created.id, condition);
  await recalculateSegment(ctx, created);
  const segment = await loadSegment(ctx, created.id);
  await recordChange(ctx, {
    action: "segment.created",
    entityType: "marketing_segment",
    entityId: segment.id,
    after: segment,
  });
  return segment;
}
