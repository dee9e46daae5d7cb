// The unsubscribe link over HTTP: GET shows a confirmation page and changes nothing; POST (the
// button, or RFC 8058's one-click POST) revokes marketing consent and marks the contact; repeating
// it is harmless; a tampered or foreign-secret token gets a 400 page and changes nothing.
import { unsubscribeLink } from "@markettina/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, TEST_AUTH_SECRET } from "./support/api-harness.ts";

let h: Harness;
let acme: string;
let liam: string;

beforeAll(async () => {
  h = await startHarness({ config: { publicApiUrl: "https://api.example.test" } });
  acme = (await h.owner.sql<{ id: string }[]>`select id from accounts where slug = 'acme-outdoor'`)[0]!.id;
  liam = (
    await h.owner.sql<{ id: string }[]>`select id from contacts where email = 'liam.carter@example.com'`
  )[0]!.id;
});
afterAll(async () => {
  await h?.close();
});

/** The link as a message carries it, pointed at the test server instead of the public address. */
const linkFor = (contactId: string, secret = TEST_AUTH_SECRET, channel: "email" | "sms" = "email") => {
  const link = new URL(
    unsubscribeLink({ baseUrl: "https://api.example.test", secret, accountId: acme, contactId, channel }),
  );
  return `${h.api.url}${link.pathname}${link.search}`;
};

const state = async (contactId: string) => {
  const [row] = await h.owner.sql<{ status: string; consent: string | null }[]>`
    select c.status, r.status as consent from contacts c
      left join consent_records r on r.contact_id = c.id and r.channel = 'email' and r.type = 'marketing'
     where c.id = ${contactId}`;
  return row!;
};

describe("unsubscribe links", () => {
  it("shows a confirmation page on GET without changing anything", async () => {
    const res = await fetch(linkFor(liam));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Acme Outdoor");
    expect(html).toMatch(/<form method="post" action="\/unsubscribe\?token=[^"]+">/);
    expect(await state(liam)).toEqual({ status: "active", consent: "granted" });
  });

  it("revokes consent on POST, once, and the one-click form of RFC 8058 works too", async () => {
    const res = await fetch(linkFor(liam), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You are unsubscribed");
    expect(await state(liam)).toEqual({ status: "unsubscribed", consent: "denied" });
    const again = await fetch(linkFor(liam), { method: "POST" });
    expect(again.status).toBe(200);
    const history = await h.owner.sql<{ status: string; source: string }[]>`
      select status, source from consent_history
       where contact_id = ${liam} and channel = 'email' order by created_at desc, id desc`;
    expect(history[0]).toEqual({ status: "denied", source: "unsubscribe_link" });
    expect(history.filter((r) => r.source === "unsubscribe_link")).toHaveLength(1);
    const events = await h.owner.sql<{ type: string }[]>`
      select type from marketing_events where contact_id = ${liam} and type in ('unsubscribed', 'consent_revoked')`;
    expect(events.map((e) => e.type).sort()).toEqual(["consent_revoked", "unsubscribed"]);
  });

  it("answers 400 to a tampered token or one signed with another secret, changing nothing", async () => {
    const [emma] = await h.owner.sql<
      { id: string }[]
    >`select id from contacts where email = 'emma.dubois@example.com'`;
    const before = await state(emma!.id);
    const forged = linkFor(emma!.id, "not-the-secret");
    const genuine = new URL(linkFor(emma!.id));
    const token = genuine.searchParams.get("token")!;
    const tampered = `${h.api.url}/unsubscribe?token=${encodeURIComponent(`${token.slice(0, -2)}AA`)}`;
    for (const url of [forged, tampered, `${h.api.url}/unsubscribe`]) {
      const get = await fetch(url);
      expect(get.status).toBe(400);
      expect(await get.text()).toContain("not valid");
      expect((await fetch(url, { method: "POST" })).status).toBe(400);
    }
    expect(await state(emma!.id)).toEqual(before);
  });

  it("an SMS link revokes SMS marketing only", async () => {
    const [noah] = await h.owner.sql<
      { id: string }[]
    >`select id from contacts where email = 'noah.fischer@example.com'`;
    const res = await fetch(linkFor(noah!.id, TEST_AUTH_SECRET, "sms"), { method: "POST" });
    expect(res.status).toBe(200);
    const consents = await h.owner.sql<{ channel: string; status: string }[]>`
      select channel, status from consent_records where contact_id = ${noah!.id} order by channel`;
    expect(consents.find((c) => c.channel === "sms")?.status).toBe("denied");
    expect(await state(noah!.id)).toMatchObject({ status: "active" });
  });
});
