// What follows new marketing events, after they are written in the same transaction: the contacts'
// dynamic segment memberships are brought up to date (entering a segment may itself enrol them in
// journeys), contacts waiting in a journey for one of these event types move on (the wait's
// "event" edge), then journeys triggered by these event types enrol the contacts.
import type { OperationContext } from "../../context.ts";
import { wakeWaitingExecutions } from "../executor/wake-waiting-executions.ts";
import { enrolByTrigger } from "../journeys/enrol-by-trigger.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";

export interface NewMarketingEvent {
  eventId: string;
  contactId: string;
  type: string;
  /** When it happened (ingested events); consent events happen now. */
  occurredAt?: Date;
}

export async function reactToEvents(
  ctx: OperationContext,
  events: readonly NewMarketingEvent[],
  /** Other contacts whose data changed alongside (attributes, tags, status) and need a refresh. */
  alsoChanged: readonly string[] = [],
): Promise<void> {
  const contactIds = [...new Set([...alsoChanged, ...events.map((e) => e.contactId)])];
  if (contactIds.length > 0) await refreshContactMemberships(ctx, contactIds);
  const byType = new Map<string, NewMarketingEvent[]>();
  for (const e of events) {
    const list = byType.get(e.type) ?? [];
    list.push(e);
    byType.set(e.type, list);
  }
  for (const [eventType, list] of byType) {
    // Woken before enrolling, so a contact this event enrols is not also taken as "arrived".
    const latest = Math.max(...list.map((e) => (e.occurredAt ?? new Date()).getTime()));
    await wakeWaitingExecutions(ctx, {
      contactIds: [...new Set(list.map((e) => e.contactId))],
      eventType,
      now: new Date(latest),
    });
    await enrolByTrigger(ctx, {
      type: "event",
      eventType,
      events: list.map((e) => ({ contactId: e.contactId, eventId: e.eventId })),
    });
  }
}
