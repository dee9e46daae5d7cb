// People add contacts to a static segment (up to MAX_MEMBERS_PER_CALL at once). Entering a static
// segment triggers journeys just as entering a dynamic one does.
import type { OperationContext } from "../../context.ts";
import { recordChange } from "../../platform/record-change.ts";
import { enrolByTrigger } from "../journeys/enrol-by-trigger.ts";
import { loadSegment } from "./load-segment.ts";
import { recalculateSegment } from "./refresh-segment.ts";
import {
  assertContacts,
  type ChangeSegmentMembersInput,
  insertMembers,
  lockStaticSegment,
  type SegmentMembersChanged,
} from "./static-members.ts";

export type { ChangeSegmentMembersInput, SegmentMembersChanged } from "./static-members.ts";

export async function addSegmentMembers(
  ctx: OperationContext,
  raw: ChangeSegmentMembersInput,
): Promise<SegmentMembersChanged> {
  const { input, segment } = await lockStaticSegment(ctx, raw);
  await assertContacts(ctx, input.contactIds);
  const added = await insertMembers(ctx, segment.id, input.contactIds);
  await recalculateSegment(ctx, segment);
  if (added.length > 0) {
    await enrolByTrigger(ctx, { type: "segment_entry", segmentId: segment.id, contactIds: added });
    await recordChange(ctx, {
      action: "segment.members_added",
      entityType: "marketing_segment",
      entityId: segment.id,
      payload: { contactIds: added },
    });
  }
  return { segment: await loadSegment(ctx, segment.id), changed: added.length };
}
