// Contacts on real PostgreSQL: validation and normalisation, optimistic locking, soft delete and
// restore, tagging, the bulk upsert (one statement, deduplicated, merging), CSV import with its
// per-row report, export back to CSV, and consent with its history.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createContact,
  type DomainError,
  deleteContacts,
  exportContacts,
  hasMarketingConsent,
  importContacts,
  type OperationContext,
  restoreContact,
  setConsent,
  tagContacts,
  unsubscribeContact,
  updateContact,
  upsertContacts,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const other = randomUUID();
const user = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'crm@example.test', 'Crm')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Trail Shop', 'trail-shop'),
                                                             (${other}, 'Other Shop', 'other-shop')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>, role: "member" | "viewer" = "member") =>
  h.run({ accountId: account, userId: user, role }, op);
const errorsOf = async (promise: Promise<unknown>) =>
  (
    (await promise.then(
      () => {
        throw new Error("expected a DomainError");
      },
      (e: unknown) => e,
    )) as DomainError
  ).errors;

describe("contacts", () => {
  it("normalises e-mail and phone, and refuses what it cannot store", async () => {
    const c = await as((ctx) =>
      createContact(ctx, {
        email: "  Ada.Lovelace@Example.TEST ",
        phone: "+44 (20) 7946-0958",
        firstName: "Ada",
        timeZone: "Europe/London",
        tags: ["vip", "vip", " early "],
        attributes: { plan: "pro", lifetime_value: 1200, newsletter: true },
      }),
    );
    expect(c).toMatchObject({
      email: "ada.lovelace@example.test",
      phone: "+442079460958",
      tags: ["vip", "early"],
      status: "active",
      version: 1,
    });
    const errors = await errorsOf(
      as((ctx) =>
        createContact(ctx, {
          email: "not-an-email",
          phone: "0123",
          timeZone: "Mars/Olympus",
          attributes: { nested: { no: 1 } },
        }),
      ),
    );
    expect(errors.map((e) => e.field).sort()).toEqual(["attributes.nested", "email", "phone", "timeZone"]);
    expect(await errorsOf(as((ctx) => createContact(ctx, { firstName: "Nobody" })))).toEqual([
      expect.objectContaining({ code: "INVALID", field: "email" }),
    ]);
    expect(await errorsOf(as((ctx) => createContact(ctx, { email: "ADA.lovelace@example.test" })))).toEqual([
      expect.objectContaining({ code: "TAKEN", field: "email" }),
    ]);
  });

  it("edits with the version read, and a stale version is a conflict", async () => {
    const c = await as((ctx) => createContact(ctx, { email: "grace@example.test" }));
    const edited = await as((ctx) =>
      updateContact(ctx, { id: c.id, version: 1, changes: { lastName: "Hopper", tags: ["navy"] } }),
    );
    expect(edited).toMatchObject({ lastName: "Hopper", tags: ["navy"], version: 2 });
    expect(
      await errorsOf(as((ctx) => updateContact(ctx, { id: c.id, version: 1, changes: { firstName: "G" } }))),
    ).toEqual([expect.objectContaining({ code: "CONFLICT", field: "version" })]);
    expect(
      await errorsOf(as((ctx) => updateContact(ctx, { id: c.id, version: 2, changes: { email: null } }))),
    ).toEqual([expect.objectContaining({ code: "INVALID", field: "changes.email" })]);
    // A viewer reads but does not write.
    expect(
      await errorsOf(as((ctx) => updateContact(ctx, { id: c.id, version: 2, changes: {} }), "viewer")),
    ).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
  });

  it("soft deletes many, hides them, and restores one", async () => {
    const a = await as((ctx) => createContact(ctx, { email: "del-a@example.test" }));
    const b = await as((ctx) => createContact(ctx, { email: "del-b@example.test" }));
    const { ids } = await as((ctx) => deleteContacts(ctx, { ids: [a.id, b.id, randomUUID()] }));
    expect(ids.sort()).toEqual([a.id, b.id].sort());
    const [row] = await h.owner`select deleted_at, deleted_by from contacts where id = ${a.id}`;
    expect(row!.deleted_at).not.toBeNull();
    expect(row!.deleted_by).toBe(user);
    expect(await errorsOf(as((ctx) => updateContact(ctx, { id: a.id, version: 2, changes: {} })))).toEqual([
      expect.objectContaining({ code: "NOT_FOUND" }),
    ]);
    const restored = await as((ctx) => restoreContact(ctx, { id: a.id }));
    expect(restored.deletedAt).toBeNull();
    expect(await errorsOf(as((ctx) => restoreContact(ctx, { id: a.id })))).toEqual([
      expect.objectContaining({ code: "CONFLICT" }),
    ]);
    const audit = await h.owner`select count(*)::int as n from audit_logs
                                 where action = 'contact.deleted' and entity_id in (${a.id}, ${b.id})`;
    expect(audit[0]!.n).toBe(2);
  });

  it("adds and removes tags on many contacts, keeping order and uniqueness", async () => {
    const a = await as((ctx) => createContact(ctx, { email: "tag-a@example.test", tags: ["x", "y"] }));
    const b = await as((ctx) => createContact(ctx, { email: "tag-b@example.test", tags: ["y"] }));
    const tagged = await as((ctx) => tagContacts(ctx, { ids: [a.id, b.id], add: ["z", "x"], remove: ["y"] }));
    const byId = Object.fromEntries(tagged.map((t) => [t.id, t.tags]));
    expect(byId[a.id]).toEqual(["x", "z"]);
    expect(byId[b.id]).toEqual(["z", "x"]);
  });

  it("cannot see or change another account's contact", async () => {
    const theirs = await h.run({ accountId: other, userId: user, role: "owner" }, (ctx) =>
      createContact(ctx, { email: "theirs@example.test" }),
    );
    expect(
      await errorsOf(as((ctx) => updateContact(ctx, { id: theirs.id, version: 1, changes: {} }))),
    ).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    expect((await as((ctx) => deleteContacts(ctx, { ids: [theirs.id] }))).ids).toEqual([]);
    // The same address is a different contact in this account.
    const mine = await as((ctx) => createContact(ctx, { email: "theirs@example.test" }));
    expect(mine.id).not.toBe(theirs.id);
  });
});

describe("bulk upsert", () => {
  it("merges into existing contacts, collapses duplicates (last wins) and restores deleted ones", async () => {
    const existing = await as((ctx) =>
      createContact(ctx, {
        email: "merge@example.test",
        firstName: "Mara",
        lastName: "Kent",
        timeZone: "Europe/Rome",
        tags: ["old"],
        attributes: { plan: "free", city: "Rome", legacy: "x" },
      }),
    );
    const gone = await as((ctx) => createContact(ctx, { email: "gone@example.test", tags: ["a"] }));
    await as((ctx) => deleteContacts(ctx, { ids: [gone.id] }));

    const result = await as((ctx) =>
      upsertContacts(ctx, {
        contacts: [
          { email: "MERGE@example.test", attributes: { plan: "basic" }, tags: ["new"] },
          { email: "fresh@example.test", firstName: "First" },
          {
            email: "merge@example.test",
            attributes: { plan: "pro", legacy: null },
            tags: ["new", "old", "vip"],
          },
          { email: "gone@example.test", tags: ["b"] },
          { email: "fresh@example.test", firstName: "Second", timeZone: "Asia/Tokyo" },
        ],
      }),
    );
    expect({ created: result.created, updated: result.updated }).toEqual({ created: 1, updated: 2 });
    expect(result.contacts.map((c) => c.email)).toEqual([
      "merge@example.test",
      "fresh@example.test",
      "gone@example.test",
    ]);
    const [merged, fresh, restored] = result.contacts;
    expect(merged).toMatchObject({
      id: existing.id,
      firstName: "Mara",
      lastName: "Kent",
      timeZone: "Europe/Rome",
      attributes: { plan: "pro", city: "Rome" },
      tags: ["old", "new", "vip"],
      version: 2,
    });
    expect(fresh).toMatchObject({ firstName: "Second", timeZone: "Asia/Tokyo", version: 1 });
    expect(restored).toMatchObject({ id: gone.id, deletedAt: null, tags: ["a", "b"] });
  });

  it("refuses the whole batch when a row is invalid, naming every bad row", async () => {
    const errors = await errorsOf(
      as((ctx) =>
        upsertContacts(ctx, {
          contacts: [
            { email: "ok-1@example.test" },
            { email: "broken" },
            { email: "ok-2@example.test", timeZone: "Nowhere/Land" },
          ],
        }),
      ),
    );
    expect(errors.map((e) => e.field)).toEqual(["contacts.1.email", "contacts.2.timeZone"]);
    const rows = await h.owner`select 1 from contacts where email like 'ok-_@example.test'`;
    expect(rows).toHaveLength(0);
  });

  it("takes at most 1,000 contacts per call", async () => {
    const contacts = Array.from({ length: 1001 }, (_, i) => ({ email: `many-${i}@example.test` }));
    expect(await errorsOf(as((ctx) => upsertContacts(ctx, { contacts })))).toEqual([
      expect.objectContaining({ code: "TOO_MANY", field: "contacts" }),
    ]);
    const thousand = await as((ctx) => upsertContacts(ctx, { contacts: contacts.slice(0, 1000) }));
    expect(thousand.created).toBe(1000);
  });
});

describe("CSV import and export", () => {
  const csv = [
    "Email,First Name,last_name,phone,time_zone,tags,consent_email,plan,lifetime_value,zip",
    "ivy@example.test,Ivy,Stone,+1 415 555 0101,America/Los_Angeles,hiking;vip,granted,pro,1250.5,",
    "not-an-email,Bad,Row,,UTC,,,free,0,",
    "ben@example.test,Ben,,,,trail|camp,denied,basic,40,",
    "cy@example.test,Cy,,,Moon/Base,,maybe,free,,",
    "short@example.test,Short",
    'dee@example.test,"Dee, Jr.",Quote,,,,,"=HYPERLINK(""x"")",7,02134',
    "ivy@example.test,Ivy,Stone-Again,+1 415 555 0199,,,,,,",
  ].join("\n");

  it("imports the valid rows and reports each invalid row with its reasons", async () => {
    const report = await as((ctx) => importContacts(ctx, { csv, tags: ["import-1"] }));
    expect(report).toMatchObject({ imported: 3, updated: 0, invalid: 3 });
    expect(report.rows).toEqual([
      { row: 3, reasons: [expect.stringMatching(/^email: /)] },
      {
        row: 5,
        reasons: expect.arrayContaining([
          expect.stringMatching(/^consent_email: /),
          expect.stringMatching(/^time_zone: /),
        ]),
      },
      { row: 6, reasons: ["Expected 10 columns, found 2."] },
    ]);
    const [ivy] = await h.owner`
      select c.*, r.status as consent from contacts c
        left join consent_records r on r.contact_id = c.id and r.channel = 'email' and r.type = 'marketing'
       where c.account_id = ${account} and c.email = 'ivy@example.test'`;
    // The same e-mail twice in a file: the later row wins whole.
    expect(ivy).toMatchObject({
      first_name: "Ivy",
      last_name: "Stone-Again",
      phone: "+14155550199",
      time_zone: "UTC",
      tags: ["import-1"],
      attributes: {},
      consent: null,
    });
    const [ben] = await h.owner`
      select c.tags, c.attributes, r.status as consent from contacts c
        join consent_records r on r.contact_id = c.id and r.channel = 'email'
       where c.account_id = ${account} and c.email = 'ben@example.test'`;
    expect(ben).toMatchObject({
      tags: ["import-1", "trail", "camp"],
      attributes: { plan: "basic", lifetime_value: 40 },
      consent: "denied",
    });
  });

  it("refuses files it cannot use as a whole", async () => {
    expect(await errorsOf(as((ctx) => importContacts(ctx, { csv: "name,plan\nA,pro\n" })))).toEqual([
      expect.objectContaining({ code: "INVALID", field: "csv" }),
    ]);
    expect(
      await errorsOf(
        as((ctx) => importContacts(ctx, { csv: `email\n${"x@example.test\n".repeat(50_001)}` })),
      ),
    ).toEqual([expect.objectContaining({ code: "TOO_MANY", field: "csv" })]);
  });

  it("re-importing updates, never overrides a revoked consent, and reports malformed rows", async () => {
    const again = [
      "email,consent_email,plan",
      "ben@example.test,granted,pro",
      'broken@example.test,"granted,pro',
    ].join("\n");
    const report = await as((ctx) => importContacts(ctx, { csv: again }));
    expect(report).toMatchObject({ imported: 0, updated: 1, invalid: 1 });
    expect(report.rows[0]!.reasons[0]).toMatch(/^Malformed CSV/);
    const [ben] = await h.owner`
      select c.attributes, r.status from contacts c join consent_records r on r.contact_id = c.id
       where c.account_id = ${account} and c.email = 'ben@example.test'`;
    expect(ben).toMatchObject({ attributes: { plan: "pro", lifetime_value: 40 }, status: "denied" });
  });

  it("exports the same columns, neutralising formulas, and the file imports back unchanged", async () => {
    const { csv: exported, rowCount } = await as((ctx) => exportContacts(ctx, { tags: ["import-1"] }));
    expect(rowCount).toBe(3);
    const lines = exported.trim().split("\r\n");
    expect(lines[0]).toBe(
      "email,phone,first_name,last_name,time_zone,tags,consent_email,external_id,lifetime_value,plan,zip",
    );
    const dee = lines.find((l) => l.startsWith("dee@"))!;
    // Codes with leading zeros stay text; a formula is neutralised with an apostrophe.
    expect(dee).toBe(`dee@example.test,,"Dee, Jr.",Quote,UTC,import-1,,,7,"'=HYPERLINK(""x"")",02134`);
    expect(lines.find((l) => l.startsWith("ivy@"))).toContain(",'+14155550199,");

    const before = await h.owner`select email, phone, first_name, attributes, tags from contacts
                                  where account_id = ${account} and 'import-1' = any(tags) order by email`;
    const report = await as((ctx) => importContacts(ctx, { csv: exported }));
    expect(report).toMatchObject({ imported: 0, updated: 3, invalid: 0 });
    const after = await h.owner`select email, phone, first_name, attributes, tags from contacts
                                 where account_id = ${account} and 'import-1' = any(tags) order by email`;
    expect(after).toEqual(before);
  });
});

describe("consent", () => {
  it("records each change with its history and a marketing event, and answers the send check", async () => {
    const c = await as((ctx) => createContact(ctx, { email: "consent@example.test" }));
    const check = () =>
      h.run({ accountId: account, userId: user, role: "member" }, (ctx) =>
        hasMarketingConsent(ctx.tx, account, c.id, "email"),
      );
    expect(await check()).toBe(false);
    await as((ctx) =>
      setConsent(ctx, {
        contactId: c.id,
        channel: "email",
        type: "marketing",
        status: "granted",
        source: "form",
        ip: "203.0.113.9",
      }),
    );
    expect(await check()).toBe(true);
    // The same status again records nothing.
    await as((ctx) =>
      setConsent(ctx, { contactId: c.id, channel: "email", type: "marketing", status: "granted" }),
    );
    await as((ctx) =>
      setConsent(ctx, { contactId: c.id, channel: "email", type: "marketing", status: "denied" }),
    );
    expect(await check()).toBe(false);

    const history = await h.owner`select status, source, ip, actor_user_id from consent_history
                                   where contact_id = ${c.id} order by created_at, id`;
    expect(history).toEqual([
      { status: "granted", source: "form", ip: "203.0.113.9", actor_user_id: user },
      { status: "denied", source: "console", ip: null, actor_user_id: user },
    ]);
    const [record] =
      await h.owner`select status, granted_at, revoked_at from consent_records where contact_id = ${c.id}`;
    expect(record!.status).toBe("denied");
    expect(record!.revoked_at).not.toBeNull();
    const events =
      await h.owner`select type, payload from marketing_events where contact_id = ${c.id} order by occurred_at, id`;
    expect(events.map((e) => e.type)).toEqual(["consent_granted", "consent_revoked"]);
    expect(events[0]!.payload).toMatchObject({ channel: "email", type: "marketing", source: "form" });
  });

  it("unsubscribing by link revokes e-mail marketing and marks the contact, once", async () => {
    const c = await as((ctx) => createContact(ctx, { email: "leaving@example.test" }));
    await as((ctx) =>
      setConsent(ctx, { contactId: c.id, channel: "email", type: "marketing", status: "granted" }),
    );
    await as((ctx) =>
      setConsent(ctx, { contactId: c.id, channel: "sms", type: "marketing", status: "granted" }),
    );
    const first = await as((ctx) => unsubscribeContact(ctx, { contactId: c.id, channel: "email" }));
    expect(first).toMatchObject({ changed: true, contact: { status: "unsubscribed" } });
    const second = await as((ctx) => unsubscribeContact(ctx, { contactId: c.id, channel: "email" }));
    expect(second.changed).toBe(false);
    const consents =
      await h.owner`select channel, status, source from consent_records where contact_id = ${c.id} order by channel`;
    expect(consents).toEqual([
      { channel: "email", status: "denied", source: "unsubscribe_link" },
      { channel: "sms", status: "granted", source: "console" },
    ]);
    const events = await h.owner`select type from marketing_events where contact_id = ${c.id} order by type`;
    expect(events.map((e) => e.type)).toEqual([
      "consent_granted",
      "consent_granted",
      "consent_revoked",
      "unsubscribed",
    ]);
    const check = (channel: "email" | "sms") =>
      h.run({ accountId: account, userId: user, role: "member" }, (ctx) =>
        hasMarketingConsent(ctx.tx, account, c.id, channel),
      );
    expect(await check("email")).toBe(false);
    // Unsubscribed from e-mail means the contact takes no marketing at all until re-subscribed.
    expect(await check("sms")).toBe(false);
    const back = await as((ctx) =>
      setConsent(ctx, { contactId: c.id, channel: "email", type: "marketing", status: "granted" }),
    );
    expect(back.status).toBe("active");
    expect(await check("sms")).toBe(true);
  });
});
