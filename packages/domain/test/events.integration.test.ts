// Event ingestion on real PostgreSQL: idempotent by client event id (across calls and within a
// batch), contacts found or created by e-mail, per-event errors while the valid events are kept,
// the batch limit, and monthly partitions: an event lands in the partition of its own month.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact, ingestEvents, type OperationContext } from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const other = randomUUID();
const user = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'events@example.test', 'Ev')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Event Shop', 'event-shop'),
                                                             (${other}, 'Far Shop', 'far-shop')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>) =>
  h.run({ accountId: account, userId: user, role: "member" }, op);

describe("event ingestion", () => {
  it("is idempotent by client event id, across calls and within one batch", async () => {
    const contact = await as((ctx) => createContact(ctx, { email: "buyer@example.test" }));
    const batch = [
      { clientEventId: "order-1", type: "purchase", contactId: contact.id, payload: { total: 42 } },
      { clientEventId: "order-2", type: "purchase", contactId: contact.id, payload: { total: 7 } },
      { clientEventId: "order-1", type: "purchase", contactId: contact.id, payload: { total: 42 } },
      { type: "page.viewed", contactId: contact.id },
    ];
    const first = await as((ctx) => ingestEvents(ctx, { events: batch }));
    expect(first).toMatchObject({ accepted: 3, duplicates: 1, errors: [] });
    // The sender retries the whole batch (it never saw the answer): only the event without an id
    // is new again.
    const retry = await as((ctx) => ingestEvents(ctx, { events: batch }));
    expect(retry).toMatchObject({ accepted: 1, duplicates: 3, errors: [] });
    const rows = await h.owner`select type, client_event_id, payload from marketing_events
                                where contact_id = ${contact.id} order by client_event_id nulls last`;
    expect(rows.map((r) => r.client_event_id)).toEqual(["order-1", "order-2", null, null]);
    expect(rows[0]!.payload).toEqual({ total: 42 });
    const keys =
      await h.owner`select count(*)::int as n from marketing_event_keys where account_id = ${account}`;
    expect(keys[0]!.n).toBe(2);
  });

  it("creates unknown contacts by e-mail, reports bad events by index and keeps the good ones", async () => {
    const now = new Date();
    const theirs = randomUUID();
    await h.owner`insert into contacts (id, account_id, email) values (${theirs}, ${other}, 'far@example.test')`;
    const result = await as((ctx) =>
      ingestEvents(
        ctx,
        {
          events: [
            { type: "email_opened", email: "New.Person@Example.test" },
            { type: "Bad Type!", email: "x@example.test" },
            { type: "purchase", contactId: theirs },
            {
              type: "purchase",
              email: "new.person@example.test",
              occurredAt: new Date(now.getTime() + 3_600_000),
            },
            { type: "consent_granted", email: "new.person@example.test" },
            { type: "signup", email: "new.person@example.test", payload: { big: "x".repeat(9_000) } },
            { type: "signup" },
            { type: "trial:started", email: "new.person@example.test", occurredAt: now.toISOString() },
          ],
        },
        { now },
      ),
    );
    expect(result.accepted).toBe(2);
    expect(result.errors.map((e) => [e.index, e.field, e.code])).toEqual([
      [1, "type", "INVALID"],
      [2, "contactId", "NOT_FOUND"],
      [3, "occurredAt", "INVALID"],
      [4, "type", "INVALID"],
      [5, "payload", "INVALID"],
      [6, "contactId", "INVALID"],
    ]);
    const created =
      await h.owner`select id, email from contacts where account_id = ${account} and email = 'new.person@example.test'`;
    expect(created).toHaveLength(1);
    const events =
      await h.owner`select type from marketing_events where contact_id = ${created[0]!.id} order by type`;
    expect(events.map((e) => e.type)).toEqual(["email_opened", "trial:started"]);
    // Nothing was written for the other account's contact, nor for x@example.test.
    expect(await h.owner`select 1 from marketing_events where contact_id = ${theirs}`).toHaveLength(0);
    expect(await h.owner`select 1 from contacts where email = 'x@example.test'`).toHaveLength(0);
  });

  it("takes at most 1,000 events per call", async () => {
    const events = Array.from({ length: 1001 }, (_, i) => ({ type: "tick", email: `t${i}@example.test` }));
    await expect(as((ctx) => ingestEvents(ctx, { events }))).rejects.toMatchObject({
      errors: [{ code: "TOO_MANY", field: "events" }],
    });
    const thousand = await as((ctx) => ingestEvents(ctx, { events: events.slice(0, 1000) }));
    expect(thousand.accepted).toBe(1000);
    const contacts =
      await h.owner`select count(*)::int as n from contacts where email like 't%@example.test' and account_id = ${account}`;
    expect(contacts[0]!.n).toBe(1000);
  });

  it("stores an old event in the partition of its month", async () => {
    const contact = await as((ctx) => createContact(ctx, { email: "late@example.test" }));
    const monthsAgo = new Date();
    monthsAgo.setUTCDate(15);
    monthsAgo.setUTCMonth(monthsAgo.getUTCMonth() - 4);
    const { eventIds } = await as((ctx) =>
      ingestEvents(ctx, {
        events: [
          {
            clientEventId: "late-1",
            type: "purchase",
            contactId: contact.id,
            occurredAt: monthsAgo.toISOString(),
          },
          { clientEventId: "late-2", type: "purchase", contactId: contact.id },
        ],
      }),
    );
    const rows = await h.owner`select id, tableoid::regclass::text as partition from marketing_events
                                where id in ${h.owner(eventIds)}`;
    const month = (d: Date) =>
      `marketing_events_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    const partitionOf = Object.fromEntries(rows.map((r) => [r.id, r.partition]));
    expect(partitionOf[eventIds[0]!]).toBe(month(monthsAgo));
    expect(partitionOf[eventIds[1]!]).toBe(month(new Date()));
  });
});
