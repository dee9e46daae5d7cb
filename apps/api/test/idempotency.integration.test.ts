// Idempotency-Key: a retried mutation answers the first answer again and acts once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = await h.consoleToken("olivia.owner@northwind.test");
});
afterAll(async () => {
  await h?.close();
});

function post(body: unknown, idempotencyKey?: string) {
  return fetch(`${h.api.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "x-account-id": "northwind",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
}

const createSub = (slug: string) => ({
  query: `mutation($input: CreateSubAccountInput!) { createSubAccount(input: $input) { account { id slug } userErrors { code } } }`,
  variables: { input: { name: `Sub ${slug}`, slug } },
});

const countAccounts = async (slug: string) =>
  (await h.owner.sql<{ n: number }[]>`select count(*)::int as n from accounts where slug = ${slug}`)[0]!.n;

describe("Idempotency-Key", () => {
  it("replays the first answer to a retry and creates the sub-account once", async () => {
    const first = await post(createSub("retry-me"), "key-1");
    const firstBody = await first.json();
    const second = await post(createSub("retry-me"), "key-1");
    expect(second.status).toBe(first.status);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(firstBody);
    expect(await countAccounts("retry-me")).toBe(1);
    const audits = await h.owner.sql`select 1 from audit_logs where action = 'account.created'`;
    expect(audits.length).toBe(1);
  });

  it("acts once when two requests with the same key race", async () => {
    const [a, b] = await Promise.all([
      post(createSub("race-me"), "key-race"),
      post(createSub("race-me"), "key-race"),
    ]);
    const bodies = [await a.json(), await b.json()];
    expect(bodies[0]).toEqual(bodies[1]);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort()).toEqual([
      null,
      "true",
    ]);
    expect(await countAccounts("race-me")).toBe(1);
  });

  it("refuses the same key for a different request with 422", async () => {
    await post(createSub("first-use"), "key-2");
    const reused = await post(createSub("second-use"), "key-2");
    expect(reused.status).toBe(422);
    expect(
      ((await reused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await countAccounts("second-use")).toBe(0);
  });

  it("never keeps a one-time secret: a replayed createApiKey answers null in its place", async () => {
    const request = {
      query: `mutation { createApiKey(input: { name: "ci", scopes: ["identity:read"] }) { secret apiKey { id } userErrors { code } } }`,
    };
    const first = (await (await post(request, "key-3")).json()) as {
      data: { createApiKey: { secret: string } };
    };
    expect(first.data.createApiKey.secret).toMatch(/^mk_/);
    const replay = (await (await post(request, "key-3")).json()) as {
      data: { createApiKey: { secret: string | null; apiKey: { id: string } } };
    };
    expect(replay.data.createApiKey.secret).toBeNull();
    const stored = await h.owner.sql`select response::text as r from idempotency_keys where key = 'key-3'`;
    expect(stored[0]!.r).not.toContain(first.data.createApiKey.secret);
    const keys = await h.owner.sql`select 1 from api_keys where name = 'ci'`;
    expect(keys.length).toBe(1);
  });

  it("rejects a malformed key and a key without an account", async () => {
    const bad = await post(createSub("never"), "x".repeat(300));
    expect(bad.status).toBe(400);
    const noAccount = await fetch(`${h.api.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "idempotency-key": "k",
      },
      body: JSON.stringify({ query: "{ viewer { isPlatformAdmin } }" }),
    });
    expect(noAccount.status).toBe(400);
    expect(await countAccounts("never")).toBe(0);
  });

  it("keeps keys apart per account: another tenant may use the same key", async () => {
    const samToken = await h.consoleToken("sam.owner@bluebottle.test");
    const res = await fetch(`${h.api.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${samToken}`,
        "x-account-id": "blue-bottle",
        "idempotency-key": "key-1",
      },
      body: JSON.stringify({ query: "{ account { slug } }" }),
    });
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(await res.json()).toMatchObject({ data: { account: { slug: "blue-bottle" } } });
  });
});
