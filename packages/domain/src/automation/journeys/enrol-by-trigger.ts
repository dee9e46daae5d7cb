// STUB (owned by the journeys helper, to be replaced): enrols contacts into every active journey
// whose trigger matches (entry to a segment, or an ingested event), applying each journey's
// re-entry rule. Returns how many executions were created.
import type { OperationContext } from "../../context.ts";

export type TriggerFired =
  | { type: "segment_entry"; segmentId: string; contactIds: readonly string[] }
  | { type: "event"; eventType: string; events: readonly { contactId: string; eventId: string }[] };

export async function enrolByTrigger(_ctx: OperationContext, _fired: TriggerFired): Promise<number> {
  return 0;
}
