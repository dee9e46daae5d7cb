// totalCount of a nested connection counts what the connection pages through, the field's own
// `where` included (the plugin patch in packages/graphql/patches adapts it to drizzle rc.5).
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SUB_ACCOUNTS = `{ account { subAccounts(first: 10) { totalCount nodes { slug } } } }`;
type SubAccounts = { account: { subAccounts: { totalCount: number; nodes: { slug: string }[] } } };

it("counts a filtered relation like the page it belongs to", async () => {
  const asOlivia = { as: "olivia.owner@northwind.test", account: "northwind" };
  const before = (await h.gql<SubAccounts>(SUB_ACCOUNTS, asOlivia)).body.data!.account.subAccounts;
  expect(before.nodes.map((n) => n.slug)).toEqual(["acme-outdoor", "cedar-dental"]);
  expect(before.totalCount).toBe(2);

  // subAccounts leaves deleted accounts out; so must its count.
  await h.owner.sql`update accounts set deleted_at = now() where slug = 'cedar-dental'`;
  const after = (await h.gql<SubAccounts>(SUB_ACCOUNTS, asOlivia)).body.data!.account.subAccounts;
  expect(after.nodes.map((n) => n.slug)).toEqual(["acme-outdoor"]);
  expect(after.totalCount).toBe(1);
});
