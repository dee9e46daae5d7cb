// Contacts through GraphQL on the demo data (Acme Outdoor's 40 contacts): listing with consents
// and segments in a constant number of statements, search and filters, the mutations with their
// userErrors, CSV import and export, the timeline, event ingestion, and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test"; // agency owner: acts in Acme Outdoor
const VICTOR = "victor.viewer@northwind.test"; // viewer of Acme Outdoor
const SAM = "sam.owner@bluebottle.test"; // another tenant

let h: Harness;
let acme: string;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const rawId = (global: string) => Buffer.from(global, "base64").toString("utf8").split(":")[1]!;

beforeAll(async () => {
  h = await startHarness();
  acme = (await h.owner.sql<{ id: string }[]>`select id from accounts where slug = 'acme-outdoor'`)[0]!.id;
});
afterAll(async () => {
  await h?.close();
});

async function gql<T>(who: string, account: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await h.gql<T>(query, { as: who, account, variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}
const olivia = <T>(query: string, variables?: Record<string, unknown>) =>
  gql<T>(OLIVIA, "acme-outdoor", query, variables);

interface ListedContact {
  id: string;
  email: string;
  displayName: string;
  consents: { channel: string; status: string }[];
  segments: { name: string }[];
}
const LIST = `query($first: Int, $filter: ContactFilter) {
  contacts(first: $first, filter: $filter) {
    totalCount
    nodes { id email displayName tags status consents { channel type status source } segments { id name } }
  }
}`;

describe("the contact list", () => {
  it("lists the seeded contacts with consents and segments in the same few statements for 5 or 20", async () => {
    // A segment with members, so the nested segments list has rows.
    const [segment] = await h.owner.sql<{ id: string }[]>`
      insert into marketing_segments (id, account_id, name, conditions, kind)
      values (gen_random_uuid(), ${acme}, 'Hikers (test)', '{"and": []}', 'static') returning id`;
    await h.owner.sql`
      insert into segment_memberships (id, account_id, segment_id, contact_id)
      select gen_random_uuid(), ${acme}, ${segment!.id}, id from contacts where account_id = ${acme} and 'hiking' = any(tags)`;
    const measure = async (first: number) => {
      h.counter.reset();
      const data = await olivia<{ contacts: { totalCount: number; nodes: ListedContact[] } }>(LIST, {
        first,
      });
      return { count: h.counter.count, data };
    };
    await measure(1); // the first request on a connection fetches type information once
    const five = await measure(5);
    const twenty = await measure(20);
    expect(twenty.data.contacts.totalCount).toBe(40);
    expect(twenty.data.contacts.nodes).toHaveLength(20);
    expect(twenty.count).toBe(five.count);
    // Scope, access, scope again, the planned contacts query (consents and segments in it), count.
    expect(twenty.count).toBeLessThanOrEqual(5);
    const withConsent = twenty.data.contacts.nodes.filter((c) =>
      c.consents.some((x) => x.status === "GRANTED"),
    );
    expect(withConsent.length).toBeGreaterThan(10);
    expect(twenty.data.contacts.nodes.some((c) => c.segments.some((s) => s.name === "Hikers (test)"))).toBe(
      true,
    );
  });

  it("searches by prefix (wildcards taken literally) and filters by tags, status and segment", async () => {
    const search = async (filter: Record<string, unknown>) =>
      (
        await olivia<{ contacts: { totalCount: number; nodes: ListedContact[] } }>(LIST, {
          first: 50,
          filter,
        })
      ).contacts;
    expect((await search({ search: "maya" })).nodes.map((c) => c.email)).toEqual(["maya.lopez@example.com"]);
    expect((await search({ search: "Lopez" })).totalCount).toBe(1);
    expect((await search({ search: "Maya Lo" })).totalCount).toBe(1);
    expect((await search({ search: "%" })).totalCount).toBe(0);
    expect((await search({ search: "_aya" })).totalCount).toBe(0);
    const vip = await search({ tags: ["vip"] });
    expect(vip.totalCount).toBeGreaterThan(0);
    expect(vip.nodes.every((c) => (c as unknown as { tags: string[] }).tags.includes("vip"))).toBe(true);
    expect((await search({ status: "UNSUBSCRIBED" })).totalCount).toBe(2);
    const [segment] = await h.owner.sql<
      { id: string }[]
    >`select id from marketing_segments where name = 'Hikers (test)'`;
    const hikers = await search({ segmentId: gid("Segment", segment!.id) });
    const tagged = await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from contacts where account_id = ${acme} and 'hiking' = any(tags)`;
    expect(hikers.totalCount).toBe(tagged[0]!.n);
  });

  it("exports the filtered contacts as CSV", async () => {
    const data = await olivia<{ contactExport: { csv: string; rowCount: number } }>(
      `query($filter: ContactFilter) { contactExport(filter: $filter) { csv rowCount } }`,
      { filter: { tags: ["vip"] } },
    );
    const lines = data.contactExport.csv.trim().split("\r\n");
    expect(
      lines[0]!.startsWith("email,phone,first_name,last_name,time_zone,tags,consent_email,external_id,"),
    ).toBe(true);
    expect(lines).toHaveLength(data.contactExport.rowCount + 1);
  });
});

describe("contact mutations", () => {
  it("creates, edits with the version, tags, deletes and restores", async () => {
    const created = await olivia<{
      createContact: { contact: { id: string; email: string; version: number } };
    }>(
      `mutation($fields: ContactFieldsInput!) { createContact(input: { fields: $fields }) { contact { id email version } userErrors { field code } } }`,
      {
        fields: {
          email: " Rio.Grande@Example.com ",
          firstName: "Rio",
          timeZone: "America/Denver",
          attributes: { plan: "pro" },
        },
      },
    );
    const contact = created.createContact.contact;
    expect(contact.email).toBe("rio.grande@example.com");
    const stale = await olivia<{ updateContact: { userErrors: { code: string }[] } }>(
      `mutation($id: ID!) { updateContact(input: { id: $id, version: 9, changes: { lastName: "X" } }) { userErrors { code } } }`,
      { id: contact.id },
    );
    expect(stale.updateContact.userErrors).toEqual([{ code: "CONFLICT" }]);
    const tagged = await olivia<{ tagContacts: { contacts: { tags: string[] }[] } }>(
      `mutation($ids: [ID!]!) { tagContacts(input: { ids: $ids, add: ["river", "vip"] }) { contacts { tags } userErrors { code } } }`,
      { ids: [contact.id] },
    );
    expect(tagged.tagContacts.contacts[0]!.tags).toEqual(["river", "vip"]);
    const deleted = await olivia<{ deleteContacts: { deletedIds: string[] } }>(
      `mutation($ids: [ID!]!) { deleteContacts(input: { ids: $ids }) { deletedIds userErrors { code } } }`,
      { ids: [contact.id] },
    );
    expect(deleted.deleteContacts.deletedIds).toEqual([contact.id]);
    const gone = await olivia<{ contacts: { totalCount: number } }>(LIST, {
      filter: { search: "rio.grande" },
    });
    expect(gone.contacts.totalCount).toBe(0);
    const restored = await olivia<{ restoreContact: { contact: { deletedAt: string | null } } }>(
      `mutation($id: ID!) { restoreContact(input: { id: $id }) { contact { deletedAt } userErrors { code } } }`,
      { id: contact.id },
    );
    expect(restored.restoreContact.contact.deletedAt).toBeNull();
  });

  it("upserts in bulk, refusing the whole batch with an error per bad row", async () => {
    const UPSERT = `mutation($contacts: [ContactUpsertInput!]!) {
      upsertContacts(input: { contacts: $contacts }) { created updated contacts { email tags attributes } userErrors { field code } }
    }`;
    const bad = await olivia<{ upsertContacts: { created: number | null; userErrors: { field: string }[] } }>(
      UPSERT,
      {
        contacts: [{ email: "fine@example.com" }, { email: "nope" }, { email: "x@example.com", phone: "12" }],
      },
    );
    expect(bad.upsertContacts.userErrors.map((e) => e.field)).toEqual([
      "contacts.1.email",
      "contacts.2.phone",
    ]);
    expect(bad.upsertContacts.created).toBeNull();
    const good = await olivia<{
      upsertContacts: { created: number; updated: number; contacts: { email: string; tags: string[] }[] };
    }>(UPSERT, {
      contacts: [
        { email: "maya.lopez@example.com", tags: ["ambassador"] },
        { email: "new.one@example.com", firstName: "New" },
        { email: "NEW.ONE@example.com", firstName: "Newer" },
      ],
    });
    expect(good.upsertContacts).toMatchObject({ created: 1, updated: 1 });
    expect(good.upsertContacts.contacts[0]!.tags).toContain("ambassador");
    const tooMany = await olivia<{ upsertContacts: { userErrors: { code: string }[] } }>(UPSERT, {
      contacts: Array.from({ length: 1001 }, (_, i) => ({ email: `bulk${i}@example.com` })),
    });
    expect(tooMany.upsertContacts.userErrors).toEqual([{ field: "contacts", code: "TOO_MANY" }]);
  });

  it("imports a CSV file and reports the bad rows", async () => {
    const csv = "email,first_name,favourite_trail\nkai@example.com,Kai,Bear Lake\nbroken,X,\n";
    const data = await olivia<{
      importContacts: {
        report: {
          imported: number;
          updated: number;
          invalid: number;
          rows: { row: number; reasons: string[] }[];
        };
      };
    }>(
      `mutation($csv: String!) { importContacts(input: { csv: $csv, tags: ["csv"], consent: GRANTED }) {
         report { imported updated invalid rows { row reasons } } userErrors { code } } }`,
      { csv },
    );
    expect(data.importContacts.report).toMatchObject({
      imported: 1,
      updated: 0,
      invalid: 1,
      rows: [{ row: 3 }],
    });
    const [kai] = await h.owner.sql<{ attributes: unknown; tags: string[] }[]>`
      select attributes, tags from contacts where account_id = ${acme} and email = 'kai@example.com'`;
    expect(kai).toEqual({ attributes: { favourite_trail: "Bear Lake" }, tags: ["csv"] });
  });

  it("records consent and shows events, consent changes and journeys on the timeline, newest first", async () => {
    const [maya] = await h.owner.sql<{ id: string }[]>`
      select id from contacts where account_id = ${acme} and email = 'maya.lopez@example.com'`;
    const id = gid("Contact", maya!.id);
    const consent = await olivia<{
      setConsent: { contact: { consents: { channel: string; status: string; source: string }[] } };
    }>(
      `mutation($id: ID!) { setConsent(input: { contactId: $id, channel: PUSH, type: MARKETING, status: GRANTED, source: "form" }) {
         contact { consents { channel status source } } userErrors { code } } }`,
      { id },
    );
    expect(consent.setConsent.contact.consents).toContainEqual({
      channel: "PUSH",
      status: "GRANTED",
      source: "form",
    });
    const ingest = await olivia<{
      ingestEvents: { accepted: number; duplicates: number; userErrors: { field: string; code: string }[] };
    }>(
      `mutation($events: [EventInput!]!) { ingestEvents(input: { events: $events }) { accepted duplicates userErrors { field code } } }`,
      {
        events: [
          { clientEventId: "gql-1", type: "review.posted", contactId: id, payload: { stars: 5 } },
          { clientEventId: "gql-1", type: "review.posted", contactId: id },
          { type: "NOPE", contactId: id },
        ],
      },
    );
    expect(ingest.ingestEvents).toEqual({
      accepted: 1,
      duplicates: 1,
      userErrors: [{ field: "events.2.type", code: "INVALID" }],
    });
    const TIMELINE = `query($id: ID!, $after: String) { contact(id: $id) { timeline(first: 2, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { at kind title detail } } } }`;
    const page1 = await olivia<{
      contact: {
        timeline: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: { at: string; kind: string; title: string }[];
        };
      };
    }>(TIMELINE, { id });
    expect(page1.contact.timeline.nodes.map((n) => [n.kind, n.title])).toEqual([
      ["EVENT", "review.posted"],
      ["CONSENT", "push marketing: granted"],
    ]);
    expect(page1.contact.timeline.pageInfo.hasNextPage).toBe(true);
    const page2 = await olivia<typeof page1>(TIMELINE, {
      id,
      after: page1.contact.timeline.pageInfo.endCursor,
    });
    const all = [...page1.contact.timeline.nodes, ...page2.contact.timeline.nodes];
    const times = all.map((n) => n.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(all.map((n) => `${n.kind}${n.at}${n.title}`)).size).toBe(all.length);
  });

  it("lets a viewer read but not write", async () => {
    const read = await gql<{ contacts: { totalCount: number } }>(
      VICTOR,
      "acme-outdoor",
      `{ contacts { totalCount } }`,
    );
    expect(read.contacts.totalCount).toBeGreaterThan(0);
    const write = await gql<{ createContact: { userErrors: { code: string }[] } }>(
      VICTOR,
      "acme-outdoor",
      `mutation { createContact(input: { fields: { email: "v@example.com" } }) { userErrors { code } } }`,
    );
    expect(write.createContact.userErrors).toEqual([{ code: "FORBIDDEN" }]);
  });
});

describe("tenant isolation", () => {
  it("another tenant cannot read or change a contact by its id", async () => {
    const [maya] = await h.owner.sql<{ id: string; version: number }[]>`
      select id, version from contacts where account_id = ${acme} and email = 'maya.lopez@example.com'`;
    const id = gid("Contact", maya!.id);
    const read = await gql<{ contact: unknown; node: unknown }>(
      SAM,
      "blue-bottle",
      `query($id: ID!) { contact(id: $id) { email } node(id: $id) { id } }`,
      { id },
    );
    expect(read).toEqual({ contact: null, node: null });
    const update = await gql<{ updateContact: { userErrors: { code: string }[] } }>(
      SAM,
      "blue-bottle",
      `mutation($id: ID!, $v: Int!) { updateContact(input: { id: $id, version: $v, changes: { firstName: "Hacked" } }) { userErrors { code } } }`,
      { id, v: maya!.version },
    );
    expect(update.updateContact.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const consent = await gql<{ setConsent: { userErrors: { code: string }[] } }>(
      SAM,
      "blue-bottle",
      `mutation($id: ID!) { setConsent(input: { contactId: $id, channel: EMAIL, type: MARKETING, status: DENIED }) { userErrors { code } } }`,
      { id },
    );
    expect(consent.setConsent.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const events = await gql<{
      ingestEvents: { accepted: number; userErrors: { field: string; code: string }[] };
    }>(
      SAM,
      "blue-bottle",
      `mutation($id: ID!) { ingestEvents(input: { events: [{ type: "purchase", contactId: $id }] }) { accepted userErrors { field code } } }`,
      { id },
    );
    expect(events.ingestEvents).toEqual({
      accepted: 0,
      userErrors: [{ field: "events.0.contactId", code: "NOT_FOUND" }],
    });
    const [after] = await h.owner.sql<
      { first_name: string }[]
    >`select first_name from contacts where id = ${maya!.id}`;
    expect(after!.first_name).toBe("Maya");
    expect(rawId(id)).toBe(maya!.id);
  });
});
