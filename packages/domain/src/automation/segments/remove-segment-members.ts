// People take contacts out of a static segment: their membership ends (exited_at), kept as history.
import type { OperationContext } from "../../context.ts";
import { recordChange } from "../../platform/record-change.ts";
import { loadSegment } from "./load-segment.ts";
import { recalculateSegment } from "./refresh-segment.ts";
import {
  type ChangeSegmentMembersInput,
  endMembers,
  lockStaticSegment,
  type SegmentMembersChanged,
} from "./static-members.ts";

export async function removeSegmentMembers(
  ctx: OperationContext,
  raw: ChangeSegmentMembersInput,
): Promise<SegmentMembersChanged> {
  const { input, segment } = await lockStaticSegment(ctx, raw);
  const removed = await endMembers(ctx, segment.id, input.contactIds);
  await recalculateSegment(ctx, segment);
  if (removed.length > 0) {
    await recordChange(ctx, {
      action: "segment.members_removed",
      entityType: "marketing_segment",
      entityId: segment.id,
      payload: { contactIds: removed },
    });
  }
  return { segment: await loadSegment(ctx, segment.id), changed: removed.length };
}
