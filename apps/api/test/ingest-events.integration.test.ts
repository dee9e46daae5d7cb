// POST /ingest/events over HTTP: an API key with contacts:write ingests a batch (202 with accepted,
// duplicates and per-event errors), a retry of the same batch is recognised, a key without the
// scope is refused (403), and malformed or oversized requests are answered before any work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test";
let h: Harness;
let writer: string;
let reader: string;
let acme: string;

beforeAll(async () => {
  h = await startHarness();
  acme = (await h.owner.sql<{ id: string }[]>`select id from accounts where slug = 'acme-outdoor'`)[0]!.id;
  const key = async (scopes: string[]) =>
    (
      await h.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { as: OLIVIA, account: "acme-outdoor", variables: { input: { name: scopes.join(","), scopes } } },
      )
    ).body.data!.createApiKey.secret;
  writer = await key(["contacts:write"]);
  reader = await key(["contacts:read"]);
});
afterAll(async () => {
  await h?.close();
});

async function post(body: unknown, options: { bearer?: string; type?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": options.type ?? "application/json" };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const res = await fetch(`${h.api.url}/ingest/events`, {
    method: "POST",
    headers,
    body: options.raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("POST /ingest/events", () => {
  const batch = {
    events: [
      {
        clientEventId: "shop-9001",
        type: "purchase",
        email: "maya.lopez@example.com",
        payload: { total: 120 },
      },
      { clientEventId: "shop-9002", type: "cart.abandoned", email: "Walk.In@Example.com" },
      {
        clientEventId: "shop-9003",
        type: "purchase",
        email: "maya.lopez@example.com",
        occurredAt: "2999-01-01T00:00:00Z",
      },
    ],
  };

  it("ingests a batch with an API key and answers 202 with per-event errors", async () => {
    const res = await post(batch, { bearer: writer });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      accepted: 2,
      duplicates: 0,
      errors: [{ index: 2, field: "occurredAt", code: "INVALID" }],
    });
    const rows = await h.owner.sql<{ type: string; email: string }[]>`
      select e.type, c.email from marketing_events e join contacts c on c.id = e.contact_id
       where e.account_id = ${acme} and e.client_event_id like 'shop-%' order by e.client_event_id`;
    expect(rows).toEqual([
      { type: "purchase", email: "maya.lopez@example.com" },
      { type: "cart.abandoned", email: "walk.in@example.com" },
    ]);
    // The key's call is in the audit trail, under the key.
    const audit = await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from audit_logs where account_id = ${acme}
         and action = 'marketing_events.ingested' and actor_api_key_id is not null`;
    expect(audit[0]!.n).toBe(1);
  });

  it("recognises a retried batch: nothing is counted twice", async () => {
    const res = await post(batch, { bearer: writer });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 0, duplicates: 2 });
    const rows = await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from marketing_events where account_id = ${acme} and client_event_id like 'shop-%'`;
    expect(rows[0]!.n).toBe(2);
    const contacts = await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from contacts where account_id = ${acme} and email = 'walk.in@example.com'`;
    expect(contacts[0]!.n).toBe(1);
  });

  it("refuses a key without contacts:write (403) and anonymous callers (401)", async () => {
    const denied = await post({ events: [{ type: "purchase", email: "x@example.com" }] }, { bearer: reader });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: "FORBIDDEN" } });
    const anonymous = await post({ events: [] });
    expect(anonymous.status).toBe(401);
    const rows = await h.owner.sql`select 1 from contacts where email = 'x@example.com'`;
    expect(rows).toHaveLength(0);
  });

  it("answers malformed and oversized requests with 4xx", async () => {
    expect((await post(null, { bearer: writer, raw: "{not json" })).status).toBe(400);
    expect((await post({ nope: [] }, { bearer: writer })).status).toBe(400);
    expect((await post(batch, { bearer: writer, type: "text/plain" })).status).toBe(415);
    const many = { events: Array.from({ length: 1001 }, () => ({ type: "tick", email: "t@example.com" })) };
    const tooMany = await post(many, { bearer: writer });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ error: { code: "TOO_MANY" } });
    const huge = await post(null, {
      bearer: writer,
      raw: `{"events":[],"pad":"${"x".repeat(9 * 1024 * 1024)}"}`,
    });
    expect(huge.status).toBe(413);
  });
});
