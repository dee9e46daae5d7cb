// Event ingestion (GraphQL ingestEvents, POST /ingest/events): up to 1,000 events per call, written
// set-based — one statement resolves contacts by e-mail (creating unknown ones), one records the
// client event ids and inserts the new events, however many there are. Idempotent per client
// event id: marketing_event_keys holds the ids already ingested (marketing_events, partitioned by
// occurred_at, cannot have a unique key on it), and INSERT … ON CONFLICT DO NOTHING RETURNING tells
// the new ids from the repeats, also between two calls racing with the same id (the second waits
// on the first's key and, once it commits, sees a conflict). Invalid events are reported by index
// and the valid ones still ingested: a sender retries only what failed.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, type UserErrorCode } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { recordContactChanges } from "../contacts/record-contact-changes.ts";
import { EventInput, MAX_EVENT_BATCH, MAX_EVENT_CLOCK_SKEW_MS, type ParsedEvent } from "./event-inputs.ts";
import { reactToEvents } from "./react-to-events.ts";

export interface EventError {
  /** The event's position in the batch. */
  index: number;
  /** The field inside that event, if the problem is one field's. */
  field: string | null;
  code: UserErrorCode;
  message: string;
}

export interface IngestEventsResult {
  /** Events written now. */
  accepted: number;
  /** Events whose client event id was already ingested (earlier, or earlier in this batch). */
  duplicates: number;
  errors: EventError[];
  /** The ids of the accepted events, in batch order. */
  eventIds: string[];
}

/** Events before this are surely a mistake (a zero timestamp, seconds taken for milliseconds). */
const EARLIEST = Date.UTC(2000, 0, 1);

interface Ready {
  index: number;
  event: ParsedEvent;
  occurredAt: Date;
  contactId: string | null;
}

export async function ingestEvents(
  ctx: OperationContext,
  raw: { events: readonly unknown[] },
  options: { now?: Date } = {},
): Promise<IngestEventsResult> {
  authorize(ctx, "contacts:write");
  const list = Array.isArray(raw?.events) ? raw.events : [];
  if (list.length === 0) fail("INVALID", "Send at least one event.", "events");
  if (list.length > MAX_EVENT_BATCH) {
    fail("TOO_MANY", `At most ${MAX_EVENT_BATCH} events per call; split the batch.`, "events");
  }
  const now = options.now ?? new Date();
  const errors: EventError[] = [];
  const ready: Ready[] = [];
  list.forEach((item, index) => {
    const parsed = EventInput.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ index, field: issue.path.join(".") || null, code: "INVALID", message: issue.message });
      }
      return;
    }
    const occurredAt = parsed.data.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + MAX_EVENT_CLOCK_SKEW_MS) {
      errors.push({
        index,
        field: "occurredAt",
        code: "INVALID",
        message: "The event cannot be in the future.",
      });
      return;
    }
    if (occurredAt.getTime() < EARLIEST) {
      errors.push({
        index,
        field: "occurredAt",
        code: "INVALID",
        message: "The event is dated before 2000.",
      });
      return;
    }
    ready.push({ index, event: parsed.data, occurredAt, contactId: parsed.data.contactId ?? null });
  });

  const created = await resolveContacts(ctx, ready, errors);
  const resolved = ready.filter((r) => r.contactId !== null);

  // A client event id repeated inside the batch: the first one counts, the rest are duplicates.
  const seen = new Set<string>();
  let duplicates = 0;
  const rows = resolved.flatMap((r) => {
    const key = r.event.clientEventId ?? null;
    if (key !== null) {
      if (seen.has(key)) {
        duplicates++;
        return [];
      }
      seen.add(key);
    }
    return [
      {
        index: r.index,
        id: uuidv7(),
        contact_id: r.contactId,
        type: r.event.type,
        client_event_id: key,
        payload: r.event.payload ?? {},
        occurred_at: r.occurredAt.toISOString(),
      },
    ];
  });

  let inserted: { id: string }[] = [];
  if (rows.length > 0) {
    inserted = [
      ...(await ctx.tx.execute<{ id: string }>(sql`
        with input as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb)
            as i(index int, id uuid, contact_id uuid, type text, client_event_id text, payload jsonb,
                 occurred_at timestamptz)
        ), new_keys as (
          insert into marketing_event_keys (account_id, client_event_id, event_id, occurred_at)
          select ${ctx.accountId}::uuid, i.client_event_id, i.id, i.occurred_at
            from input i where i.client_event_id is not null
          on conflict (account_id, client_event_id) do nothing
          returning client_event_id
        )
        insert into marketing_events (id, account_id, contact_id, type, client_event_id, payload, occurred_at)
        select i.id, ${ctx.accountId}::uuid, i.contact_id, i.type, i.client_event_id, i.payload, i.occurred_at
          from input i
         where i.client_event_id is null or i.client_event_id in (select client_event_id from new_keys)
        returning id`)),
    ];
  }
  const insertedIds = new Set(inserted.map((e) => e.id));
  duplicates += rows.length - insertedIds.size;
  const accepted = rows.filter((r) => insertedIds.has(r.id));

  if (created.length > 0) {
    await recordContactChanges(
      ctx,
      "contact.created",
      created.map((c) => ({ id: c.id, after: { email: c.email, source: "event" } })),
    );
  }
  if (accepted.length > 0) {
    const types = [...new Set(accepted.map((r) => r.type))];
    // One trace for the batch (an id of its own): events are data, not edits of an entity.
    await recordChange(ctx, {
      action: "marketing_events.ingested",
      entityType: "marketing_event_batch",
      entityId: uuidv7(),
      payload: { accepted: accepted.length, duplicates, types },
    });
  }
  await reactToEvents(
    ctx,
    accepted.map((r) => ({
      eventId: r.id,
      contactId: r.contact_id!,
      type: r.type,
      occurredAt: new Date(r.occurred_at),
    })),
    created.map((c) => c.id),
  );
  errors.sort((a, b) => a.index - b.index);
  return { accepted: accepted.length, duplicates, errors, eventIds: accepted.map((r) => r.id) };
}

/**
 * Fills in `contactId` of each ready event: checks the ids given (unknown → an error), and finds
 * or creates the contacts of e-mails in one statement. Returns the contacts created.
 */
async function resolveContacts(
  ctx: OperationContext,
  ready: Ready[],
  errors: EventError[],
): Promise<{ id: string; email: string }[]> {
  const c = schema.contacts;
  const ids = [...new Set(ready.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  if (ids.length > 0) {
    const found = await ctx.tx
      .select({ id: c.id })
      .from(c)
      .where(
        and(
          eq(c.accountId, ctx.accountId),
          sql`${c.id} = any(${sql.param(ids)}::uuid[])`,
          isNull(c.deletedAt),
        ),
      );
    const known = new Set(found.map((f) => f.id));
    for (const r of ready) {
      if (r.contactId && !known.has(r.contactId)) {
        errors.push({ index: r.index, field: "contactId", code: "NOT_FOUND", message: "Contact not found." });
        r.contactId = null;
      }
    }
  }
  const emails = [
    ...new Set(ready.flatMap((r) => (!r.event.contactId && r.event.email ? [r.event.email] : []))),
  ];
  if (emails.length === 0) return [];
  const input = emails.map((email) => ({ id: uuidv7(), email }));
  const query = sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::text::jsonb) as i(id uuid, email text)
    ), created as (
      insert into contacts (id, account_id, email, created_by)
      select i.id, ${ctx.accountId}::uuid, i.email, ${ctx.actor.userId}::uuid from input i
      on conflict (account_id, email) do nothing
      returning id, email
    )
    select id, email, true as created from created
    union all
    -- The statement's snapshot: contacts that existed before it (not the ones it creates).
    select c.id, c.email, false from contacts c join input i on i.email = c.email
     where c.account_id = ${ctx.accountId}::uuid`;
  const rows = [...(await ctx.tx.execute<{ id: string; email: string; created: boolean }>(query))];
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  const missing = emails.filter((e) => !byEmail.has(e));
  if (missing.length > 0) {
    // Created by a concurrent request after this statement's snapshot: visible to a new one.
    const late = await ctx.tx
      .select({ id: c.id, email: c.email })
      .from(c)
      .where(and(eq(c.accountId, ctx.accountId), sql`${c.email} = any(${sql.param(missing)}::text[])`));
    for (const row of late) byEmail.set(row.email!, row.id);
  }
  for (const r of ready) {
    if (!r.contactId && r.event.email) r.contactId = byEmail.get(r.event.email) ?? null;
  }
  return rows.filter((row) => row.created).map((row) => ({ id: row.id, email: row.email }));
}
