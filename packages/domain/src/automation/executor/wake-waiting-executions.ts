// When an ingested event arrives for contacts waiting on it ("wait until the contact opens the
// e-mail, at most 3 days"), their executions become due now, with the event noted in their state:
// the next step follows the wait's "event" edge instead of waiting for the timeout. Called by event
// ingestion in the same transaction as the events, so a wake is committed with its event.
import { schema } from "@markettina/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";

export interface WakeRequest {
  contactIds: readonly string[];
  eventType: string;
  /** When the event happened (stored with the wake); the clock of the caller. */
  now: Date;
  eventId?: string | null;
}

/** How many waiting executions were woken. */
export async function wakeWaitingExecutions(ctx: OperationContext, request: WakeRequest): Promise<number> {
  if (request.contactIds.length === 0) return 0;
  const e = schema.journeyExecutions;
  const event = JSON.stringify({
    type: request.eventType,
    at: request.now.toISOString(),
    eventId: request.eventId ?? null,
  });
  // Only executions waiting on this event type that have not been woken yet; a step running for one
  // of them holds its row lock, and this update then re-checks the row it committed (no longer
  // waiting: nothing to wake).
  const woken = await ctx.tx
    .update(e)
    .set({
      nextRunAt: request.now,
      state: sql`jsonb_set(${e.state}, '{wait,event}', ${event}::text::jsonb)`,
      updatedAt: request.now,
    })
    .where(
      and(
        eq(e.accountId, ctx.accountId),
        inArray(e.contactId, [...new Set(request.contactIds)]),
        eq(e.status, "waiting"),
        sql`${e.state} -> 'wait' ->> 'type' = 'until_event'`,
        sql`${e.state} -> 'wait' ->> 'eventType' = ${request.eventType}::text`,
        sql`not (${e.state} -> 'wait' ? 'event')`,
      ),
    )
    .returning({ id: e.id });
  return woken.length;
}
