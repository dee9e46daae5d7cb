// Cost-based rate limit: each API key pays its operations' cost from a leaky bucket; the cost is
// reported in extensions; over the limit answers 429 with Retry-After and runs nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

let h: Harness;
let secret: string;
beforeAll(async () => {
  // A small bucket that never drains, so the count of requests alone decides (no timing).
  h = await startHarness({ config: { rateLimit: { capacity: 20, leakPerSecond: 0 } } });
  const created = await h.gql<{ createApiKey: { secret: string } }>(
    `mutation { createApiKey(input: { name: "limited", scopes: ["identity:write"] }) { secret } }`,
    { as: "olivia.owner@northwind.test", account: "northwind" },
  );
  secret = created.body.data!.createApiKey.secret;
});
afterAll(async () => {
  await h?.close();
});

interface CostExtensions {
  cost: { requested: number; limit?: { level: number; capacity: number } };
}

describe("cost-based rate limit", () => {
  it("reports each operation's cost and the bucket's level", async () => {
    const res = await h.gql("{ account { name } }", { bearer: secret });
    const { cost } = (res.body as { extensions: CostExtensions }).extensions;
    expect(cost.requested).toBe(2);
    expect(cost.limit).toEqual({ level: 2, capacity: 20 });
  });

  it("refuses with 429 and Retry-After once the bucket is full, without running the operation", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await h.gql("{ account { name } }", { bearer: secret })).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(200));
    expect(statuses.at(-1)).toBe(429);

    const before = await h.owner.sql`select count(*)::int as n from invitations`;
    const res = await fetch(`${h.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: `mutation { inviteMember(input: { email: "late@example.com", role: MEMBER }) { userErrors { code } } }`,
      }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    const after = await h.owner.sql`select count(*)::int as n from invitations`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("does not limit console users, and reports their cost without a bucket", async () => {
    const res = await h.gql("{ account { name } }", {
      as: "olivia.owner@northwind.test",
      account: "northwind",
    });
    expect(res.status).toBe(200);
    expect((res.body as { extensions: CostExtensions }).extensions.cost).toEqual({ requested: 2 });
  });
});
