// STUB (owned by the segments helper, to be replaced): re-evaluates the account's dynamic segments
// for just these contacts, after a change that can affect them (attributes, tags, consent,
// events), recording entries/exits in segment_memberships and enrolling entrants into journeys
// whose trigger is entry to that segment.
import type { OperationContext } from "../../context.ts";

export interface MembershipChanges {
  entered: { segmentId: string; contactId: string }[];
  exited: { segmentId: string; contactId: string }[];
}

export async function refreshContactMemberships(
  _ctx: OperationContext,
  _contactIds: readonly string[],
): Promise<MembershipChanges> {
  return { entered: [], exited: [] };
}
