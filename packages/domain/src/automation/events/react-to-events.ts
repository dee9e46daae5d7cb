// What follows new marketing events, after they are written in the same transaction: the contacts'
// dynamic segment memberships are brought up to date (entering a segment may itself enrol them in
// journeys), then journeys triggered by these event types enrol the contacts.
import type { OperationContext } from "../../context.ts";
import { enrolByTrigger } from "../journeys/enrol-by-trigger.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";

export interface NewMarketingEvent {
  eventId: string;
  contactId: string;
  type: string;
}

export async function reactToEvents(
  ctx: OperationContext,
  events: readonly NewMarketingEvent[],
  /** Other contacts whose data changed alongside (attributes, tags, status) and need a refresh. */
  alsoChanged: readonly string[] = [],
): Promise<void> {
  const contactIds = [...new Set([...alsoChanged, ...events.map((e) => e.contactId)])];
  if (contactIds.length > 0) await refreshContactMemberships(ctx, contactIds);
  const byType = new Map<string, { contactId: string; eventId: string }[]>();
  for (const e of events) {
    const list = byType.get(e.type) ?? [];
    list.push({ contactId: e.contactId, eventId: e.eventId });
    byType.set(e.type, list);
  }
  for (const [eventType, list] of byType)
    await enrolByTrigger(ctx, { type: "event", eventType, events: list });
}
