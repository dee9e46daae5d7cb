// The segment compiler, table-driven, against real rows in PostgreSQL: each operator, nesting, NOT
// over missing data, event windows and payload filters at an injected clock, consent with and
// without records, segment membership, dates on each contact's own calendar (time zones), bad data
// that must not make the query fail, and deleted contacts and other tenants that never match.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Condition, compileConditions } from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const shop = randomUUID();
const rival = randomUUID();
const user = randomUUID();
const segmentId = randomUUID();
/** The injected clock: 12:00 UTC is already 00:00 on 16 June in Auckland (UTC+12). */
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Fixture {
  email: string;
  attributes: Record<string, unknown>;
  tags: string[];
  timeZone: string;
  createdAt: string;
  deleted?: boolean;
  phone?: string;
  firstName?: string;
  status?: string;
}

const contacts: Fixture[] = [
  {
    email: "ada@example.test",
    firstName: "Ada",
    phone: "+33600000001",
    attributes: {
      plan: "pro",
      age: 36,
      score: "42",
      city: "Paris",
      interests: ["ski", "golf"],
      birthday: "1990-06-15",
      vip: true,
      note: "100%_sure",
    },
    tags: ["vip", "newsletter"],
    timeZone: "Europe/Paris",
    createdAt: ago(2 * DAY),
  },
  {
    email: "bob@example.test",
    firstName: "Bob",
    attributes: {
      plan: "free",
      age: "n/a",
      city: "paris",
      birthday: "1985-06-16",
      vip: false,
      note: "is sure",
    },
    tags: ["newsletter"],
    timeZone: "Pacific/Auckland",
    createdAt: ago(30 * DAY),
    status: "unsubscribed",
  },
  {
    email: "cem@example.test",
    firstName: "Cem",
    // A nested object where others have text, an impossible date: bad data never fails the query.
    attributes: { age: 17, plan: { nested: 1 }, birthday: "2000-02-29", renewal: "2026-02-30" },
    tags: [],
    timeZone: "Bad/Zone",
    createdAt: ago(100 * DAY),
  },
  {
    email: "dee@example.test",
    firstName: "Dee",
    attributes: { renewal: "2026-06-20T08:00:00Z" },
    tags: ["Vip"],
    timeZone: "America/Los_Angeles",
    createdAt: ago(400 * DAY),
  },
  {
    email: "eve@example.test",
    attributes: { plan: "pro", age: 50 },
    tags: ["vip", "newsletter"],
    timeZone: "UTC",
    createdAt: ago(DAY),
    deleted: true,
  },
];
const ids = new Map<string, string>();
const id = (name: string) => ids.get(name)!;

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'seg@example.test', 'Seg')`;
  await h.owner`insert into accounts (id, name, slug) values (${shop}, 'Shop', 'shop'), (${rival}, 'Rival', 'rival')`;
  for (const c of contacts) {
    const contactId = randomUUID();
    ids.set(c.email.split("@")[0]!, contactId);
    await h.owner`
      insert into contacts (id, account_id, email, phone, first_name, attributes, tags, time_zone, status,
                            created_at, deleted_at)
      values (${contactId}, ${shop}, ${c.email}, ${c.phone ?? null}, ${c.firstName ?? ""},
              ${h.owner.json(c.attributes as never)}, ${c.tags}, ${c.timeZone}, ${c.status ?? "active"},
              ${c.createdAt}, ${c.deleted ? NOW.toISOString() : null})`;
  }
  // Another tenant's contact that matches everything shop's pro contacts match.
  await h.owner`
    insert into contacts (id, account_id, email, attributes, tags)
    values (${randomUUID()}, ${rival}, 'ada@example.test', ${h.owner.json({ plan: "pro", age: 36 })}, ${["vip"]})`;

  const consent = async (who: string, channel: string, status: string) =>
    h.owner`insert into consent_records (id, account_id, contact_id, channel, type, status, source)
            values (${randomUUID()}, ${shop}, ${id(who)}, ${channel}, 'marketing', ${status}, 'test')`;
  await consent("ada", "email", "granted");
  await consent("bob", "email", "denied");
  await consent("dee", "email", "pending");
  await consent("dee", "sms", "granted");
  await consent("eve", "email", "granted");

  const event = async (who: string, type: string, at: string, payload: Record<string, unknown> = {}) =>
    h.owner`insert into marketing_events (id, account_id, contact_id, type, payload, occurred_at)
            values (${randomUUID()}, ${shop}, ${id(who)}, ${type}, ${h.owner.json(payload as never)}, ${at})`;
  await event("ada", "email_opened", ago(DAY), { campaign: "spring", clicks: 3 });
  await event("ada", "email_opened", ago(3 * DAY), { campaign: "summer" });
  await event("ada", "email_opened", ago(10 * DAY));
  await event("bob", "email_clicked", ago(2 * HOUR), { url: "https://shop.example/sale" });
  await event("cem", "purchase", ago(20 * DAY), { total: "12.50" });
  // In the future of the injected clock: not in any window ending now, but performed "ever".
  await event("dee", "email_opened", ago(-DAY));
  await event("eve", "email_opened", ago(DAY));

  await h.owner`insert into marketing_segments (id, account_id, name, conditions, kind)
                values (${segmentId}, ${shop}, 'Hand-picked', '{}', 'static')`;
  await h.owner`insert into segment_memberships (id, account_id, segment_id, contact_id, entered_at, exited_at)
                values (${randomUUID()}, ${shop}, ${segmentId}, ${id("ada")}, ${ago(5 * DAY)}, null),
                       (${randomUUID()}, ${shop}, ${segmentId}, ${id("bob")}, ${ago(5 * DAY)}, ${ago(DAY)})`;
});

afterAll(async () => {
  await h?.close();
});

/** The names of the shop's contacts matching `condition` at `now`, sorted. */
async function matching(condition: Condition, now: Date = NOW): Promise<string[]> {
  const rows = await h.run({ accountId: shop, userId: user, role: "member" }, (ctx) =>
    ctx.tx.execute<{ email: string }>(
      sql`select c.email from contacts c where ${compileConditions(condition, { accountId: shop, now })} order by c.email`,
    ),
  );
  return rows.map((r) => r.email.split("@")[0]!);
}

const attr = (key: string, op: string, value?: unknown) =>
  ({ kind: "attribute", key, op, ...(value === undefined ? {} : { value }) }) as Condition;
const field = (name: string, op: string, value?: unknown) =>
  ({ kind: "field", field: name, op, ...(value === undefined ? {} : { value }) }) as Condition;
const opened = (extra: Record<string, unknown> = {}) =>
  ({
    kind: "event",
    eventType: "email_opened",
    op: "performed",
    within: null,
    minCount: 1,
    where: [],
    ...extra,
  }) as Condition;
const days = (amount: number) => ({ amount, unit: "days" });

const cases: [string, Condition, string[]][] = [
  ["attribute eq ignores case", attr("plan", "eq", "PRO"), ["ada"]],
  [
    "attribute neq includes contacts without the attribute",
    attr("plan", "neq", "pro"),
    ["bob", "cem", "dee"],
  ],
  ["attribute eq number", attr("age", "eq", 36), ["ada"]],
  ["attribute gt skips values that are not numbers", attr("age", "gt", 18), ["ada"]],
  ["attribute lt", attr("age", "lt", 18), ["cem"]],
  ["attribute gte on a number written as text", attr("score", "gte", 42), ["ada"]],
  ["attribute lte", attr("age", "lte", 17), ["cem"]],
  ["attribute contains ignores case", attr("city", "contains", "PAR"), ["ada", "bob"]],
  ["attribute contains takes % and _ literally", attr("note", "contains", "%_s"), ["ada"]],
  ["attribute not_contains", attr("note", "not_contains", "sure"), ["cem", "dee"]],
  ["attribute starts_with", attr("city", "starts_with", "pa"), ["ada", "bob"]],
  ["attribute contains on a list is membership", attr("interests", "contains", "SKI"), ["ada"]],
  ["attribute in", attr("plan", "in", ["free", "pro"]), ["ada", "bob"]],
  ["attribute not_in includes contacts without it", attr("plan", "not_in", ["free", "pro"]), ["cem", "dee"]],
  ["attribute in with numbers", attr("age", "in", [17, 99]), ["cem"]],
  ["attribute exists", attr("age", "exists"), ["ada", "bob", "cem"]],
  ["attribute not_exists", attr("age", "not_exists"), ["dee"]],
  ["attribute eq true", attr("vip", "eq", true), ["ada"]],
  ["attribute eq false", attr("vip", "eq", false), ["bob"]],
  ["attribute gt a date", attr("birthday", "gt", "1989-12-31"), ["ada", "cem"]],
  ["attribute lt a date skips impossible dates", attr("renewal", "lt", "2026-12-31"), ["dee"]],
  [
    "NOT of a missing attribute is true",
    { kind: "not", condition: attr("age", "gt", 18) },
    ["bob", "cem", "dee"],
  ],
  ["tag has (exact)", { kind: "tag", op: "has", tag: "vip" }, ["ada"]],
  ["tag not_has", { kind: "tag", op: "not_has", tag: "newsletter" }, ["cem", "dee"]],
  ["consent granted", { kind: "consent", channel: "email", type: "marketing", status: "granted" }, ["ada"]],
  ["consent denied", { kind: "consent", channel: "email", type: "marketing", status: "denied" }, ["bob"]],
  [
    "consent pending includes contacts without a record",
    { kind: "consent", channel: "email", type: "marketing", status: "pending" },
    ["cem", "dee"],
  ],
  [
    "consent on another channel",
    { kind: "consent", channel: "sms", type: "marketing", status: "granted" },
    ["dee"],
  ],
  ["event within 7 days", opened({ within: days(7) }), ["ada"]],
  ["event ever (the future event counts)", opened(), ["ada", "dee"]],
  ["event at least twice in 7 days", opened({ within: days(7), minCount: 2 }), ["ada"]],
  ["event at least 3 times in 7 days", opened({ within: days(7), minCount: 3 }), []],
  ["event at least 3 times ever", opened({ minCount: 3 }), ["ada"]],
  [
    "event not performed in 7 days",
    { ...opened({ within: days(7) }), op: "not_performed" } as Condition,
    ["bob", "cem", "dee"],
  ],
  [
    "event within hours",
    { ...opened(), eventType: "email_clicked", within: { amount: 3, unit: "hours" } } as Condition,
    ["bob"],
  ],
  [
    "event outside a window of minutes",
    { ...opened(), eventType: "email_clicked", within: { amount: 90, unit: "minutes" } } as Condition,
    [],
  ],
  ["event payload eq", opened({ where: [{ key: "campaign", op: "eq", value: "SPRING" }] }), ["ada"]],
  ["event payload gt", opened({ where: [{ key: "clicks", op: "gt", value: 5 }] }), []],
  [
    "event payload contains",
    {
      ...opened(),
      eventType: "email_clicked",
      where: [{ key: "url", op: "contains", value: "/sale" }],
    } as Condition,
    ["bob"],
  ],
  [
    "event payload number written as text",
    { ...opened(), eventType: "purchase", where: [{ key: "total", op: "gte", value: 10 }] } as Condition,
    ["cem"],
  ],
  ["field email starts_with ignores case", field("email", "starts_with", "ADA"), ["ada"]],
  ["field first_name in", field("first_name", "in", ["ada", "DEE"]), ["ada", "dee"]],
  ["field phone exists", field("phone", "exists"), ["ada"]],
  ["field phone not_exists", field("phone", "not_exists"), ["bob", "cem", "dee"]],
  ["field status neq", field("status", "neq", "active"), ["bob"]],
  ["field time_zone contains", field("time_zone", "contains", "america"), ["dee"]],
  ["field created_at after an instant", field("created_at", "gt", ago(50 * DAY)), ["ada", "bob"]],
  ["field created_at before a date", field("created_at", "lt", "2026-04-01"), ["cem", "dee"]],
  [
    "date created within the last 7 days",
    { kind: "date", field: "created_at", op: "within_last_days", value: 7 },
    ["ada"],
  ],
  [
    "date created more than 90 days ago",
    { kind: "date", field: "created_at", op: "more_than_days_ago", value: 90 },
    ["cem", "dee"],
  ],
  [
    "birthday today in each contact's own zone (Auckland is already on 16 June)",
    { kind: "date", attribute: "birthday", op: "anniversary_today" },
    ["ada", "bob"],
  ],
  [
    "birthday within the next 2 days",
    { kind: "date", attribute: "birthday", op: "anniversary_within_next_days", value: 2 },
    ["ada", "bob"],
  ],
  [
    "date attribute within the next days ignores impossible dates",
    { kind: "date", attribute: "renewal", op: "within_next_days", value: 10 },
    ["dee"],
  ],
  ["date attribute on", { kind: "date", attribute: "birthday", op: "on", value: "1985-06-16" }, ["bob"]],
  ["segment member (current stays only)", { kind: "segment", segmentId, op: "member" }, ["ada"]],
  ["segment not_member", { kind: "segment", segmentId, op: "not_member" }, ["bob", "cem", "dee"]],
  [
    "AND of OR and NOT",
    {
      kind: "and",
      conditions: [
        { kind: "or", conditions: [{ kind: "tag", op: "has", tag: "newsletter" }, attr("age", "lt", 18)] },
        {
          kind: "not",
          condition: { kind: "consent", channel: "email", type: "marketing", status: "denied" },
        },
      ],
    },
    ["ada", "cem"],
  ],
  [
    "NOT of an OR",
    { kind: "not", condition: { kind: "or", conditions: [attr("plan", "eq", "pro"), opened()] } },
    ["bob", "cem"],
  ],
  ["double NOT", { kind: "not", condition: { kind: "not", condition: attr("plan", "eq", "pro") } }, ["ada"]],
];

describe("compiled conditions match the right contacts", () => {
  it.each(cases)("%s", async (_name, condition, expected) => {
    expect(await matching(condition)).toEqual(expected);
  });
});

describe("dates follow the contact's time zone and the injected clock", () => {
  it("an hour earlier it is still 15 June in Auckland: Bob's birthday is not today yet", async () => {
    const before = new Date("2026-06-15T11:00:00Z");
    expect(await matching({ kind: "date", attribute: "birthday", op: "anniversary_today" }, before)).toEqual([
      "ada",
    ]);
  });

  it("a 29 February birthday is on the 28th in other years; an unknown zone counts as UTC", async () => {
    const feb28 = new Date("2027-02-28T12:00:00Z");
    expect(await matching({ kind: "date", attribute: "birthday", op: "anniversary_today" }, feb28)).toEqual([
      "cem",
    ]);
  });

  it("windows roll with the clock: Dee's open counts once it is past, ten days on nobody's does", async () => {
    const later = (d: number) => new Date(NOW.getTime() + d * DAY);
    // Five days on: Ada's open of the day before NOW is 6 days old, Dee's is 4 days old.
    expect(await matching(opened({ within: days(7) }), later(5))).toEqual(["ada", "dee"]);
    expect(await matching(opened({ within: days(7) }), later(10))).toEqual([]);
  });
});

describe("the predicate", () => {
  it("sends every value as a parameter, never in the SQL text", () => {
    const hostile = "x' or 1=1 --";
    const compiled = compileConditions(
      {
        kind: "and",
        conditions: [
          attr("plan", "eq", hostile),
          field("email", "contains", hostile),
          opened({ eventType: hostile }),
        ],
      },
      { accountId: shop, now: NOW },
    );
    const query = new PgDialect().sqlToQuery(compiled);
    expect(query.sql).not.toContain(hostile);
    expect(query.params).toContain(hostile);
  });

  it("never matches deleted contacts or another account's contacts, even under NOT", async () => {
    expect(await matching({ kind: "not", condition: attr("plan", "eq", "nothing") })).toEqual([
      "ada",
      "bob",
      "cem",
      "dee",
    ]);
  });
});
