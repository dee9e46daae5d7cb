// How a request opens its transaction. The user's settings and the reachable-accounts query go out
// together (one round trip), so their order on the connection is what keeps the query inside RLS;
// the account's settings follow before any GraphQL read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const kind = (statement: string) =>
  /set_config\('app\.account_id'/.test(statement)
    ? "settings"
    : /from "memberships" inner join "accounts"/.test(statement)
      ? "reachable accounts"
      : "read";

describe("request prologue", () => {
  it("sends the settings before the reachable-accounts query, and the account's settings before reads", async () => {
    // The first request on a new connection also sends postgres.js's type look-up: not counted.
    for (let i = 0; i < 4; i++) {
      h.counter.reset();
      const res = await h.gql<{ subAccounts: { nodes: { slug: string }[] } }>(
        "{ subAccounts(first: 10) { nodes { slug } } }",
        { as: OLIVIA, account: "northwind" },
      );
      expect(res.body.data?.subAccounts.nodes.map((n) => n.slug)).toEqual(["acme-outdoor", "cedar-dental"]);
      if (i === 0) continue;
      expect(h.counter.statements.map(kind)).toEqual(["settings", "reachable accounts", "settings", "read"]);
    }
  });
});
