// Tenancy through the API: a principal of one tenant can never read, change or even detect another
// tenant's rows, whatever ID it sends (node/nodes, mutation inputs, the account header).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test"; // tenant B: Northwind and its clients
const SAM = "sam.owner@bluebottle.test"; // tenant A: Blue Bottle Bakery

let h: Harness;
/** Global IDs of Northwind's rows of every type. */
const northwind: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  const asOlivia = { as: OLIVIA, account: "northwind" };
  const key = await h.gql<{ createApiKey: { apiKey: { id: string } } }>(
    `mutation { createApiKey(input: { name: "nw", scopes: ["identity:read"] }) { apiKey { id } } }`,
    asOlivia,
  );
  northwind.apiKey = key.body.data!.createApiKey.apiKey.id;
  const invite = await h.gql<{ inviteMember: { invitation: { id: string } } }>(
    `mutation { inviteMember(input: { email: "someone@northwind.test", role: MEMBER }) { invitation { id } } }`,
    asOlivia,
  );
  northwind.invitation = invite.body.data!.inviteMember.invitation.id;
  const read = await h.gql<{
    account: { id: string; subAccounts: { nodes: { id: string }[] } };
    memberships: { nodes: { id: string; user: { id: string } }[] };
    auditLog: { nodes: { id: string }[] };
  }>(
    `{ account { id subAccounts { nodes { id } } } memberships { nodes { id user { id } } } auditLog(first: 1) { nodes { id } } }`,
    asOlivia,
  );
  const d = read.body.data!;
  northwind.account = d.account.id;
  northwind.subAccount = d.account.subAccounts.nodes[0]!.id;
  northwind.membership = d.memberships.nodes[0]!.id;
  northwind.user = d.memberships.nodes[0]!.user.id;
  northwind.auditLogEntry = d.auditLog.nodes[0]!.id;
});
afterAll(async () => {
  await h?.close();
});

const asSam = { as: SAM, account: "blue-bottle" };

describe("another tenant's IDs", () => {
  it("has one of every type to try", () => {
    expect(Object.keys(northwind).sort()).toEqual(
      ["account", "apiKey", "auditLogEntry", "invitation", "membership", "subAccount", "user"].sort(),
    );
  });

  it.each(["account", "apiKey", "auditLogEntry", "invitation", "membership", "subAccount", "user"])(
    "node(%s) answers null, exactly like a missing ID",
    async (type) => {
      const res = await h.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id __typename } }`, {
        ...asSam,
        variables: { id: northwind[type] },
      });
      expect(res.body).toEqual({ data: { node: null }, extensions: { cost: expect.any(Object) } });
    },
  );

  it.each([
    ["garbage", "not-a-global-id"],
    ["an unknown type", Buffer.from("Nope:123").toString("base64")],
    ["a malformed uuid", Buffer.from("Account:123").toString("base64")],
  ])("node() answers null for %s", async (_label, id) => {
    const res = await h.gql(`query($id: ID!) { node(id: $id) { id } }`, { ...asSam, variables: { id } });
    expect(res.body).toEqual({ data: { node: null }, extensions: { cost: expect.any(Object) } });
  });

  it("nodes() answers null for each of them", async () => {
    const res = await h.gql<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ...asSam,
      variables: { ids: Object.values(northwind) },
    });
    expect(res.body).toEqual({
      data: { nodes: Object.values(northwind).map(() => null) },
      extensions: { cost: expect.any(Object) },
    });
  });

  it("cannot be changed through mutations, with the same answer as a missing ID", async () => {
    const missing = "QXBpS2V5OjAxOTAwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA=="; // ApiKey:<unused uuid>
    const revoke = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } userErrors { field code message } } }`;
    const foreign = await h.gql(revoke, { ...asSam, variables: { id: northwind.apiKey } });
    const absent = await h.gql(revoke, { ...asSam, variables: { id: missing } });
    expect(foreign.body).toEqual(absent.body);
    expect(foreign.body.data).toEqual({
      revokeApiKey: {
        apiKey: null,
        userErrors: [{ field: "id", code: "NOT_FOUND", message: "API key not found." }],
      },
    });

    const role = await h.gql(
      `mutation($id: ID!) { updateMembershipRole(input: { membershipId: $id, role: VIEWER }) { userErrors { code } } }`,
      { ...asSam, variables: { id: northwind.membership } },
    );
    expect(role.body.data).toEqual({ updateMembershipRole: { userErrors: [{ code: "NOT_FOUND" }] } });
    const remove = await h.gql(
      `mutation($id: ID!) { removeMember(input: { membershipId: $id }) { userErrors { code } } }`,
      { ...asSam, variables: { id: northwind.membership } },
    );
    expect(remove.body.data).toEqual({ removeMember: { userErrors: [{ code: "NOT_FOUND" }] } });
    const revokeInvite = await h.gql(
      `mutation($id: ID!) { revokeInvitation(input: { id: $id }) { userErrors { code } } }`,
      { ...asSam, variables: { id: northwind.invitation } },
    );
    expect(revokeInvite.body.data).toEqual({ revokeInvitation: { userErrors: [{ code: "NOT_FOUND" }] } });

    const [key] = await h.owner.sql`select revoked_at from api_keys where name = 'nw'`;
    expect(key!.revoked_at).toBeNull();
    const [invitation] = await h.owner
      .sql`select status from invitations where email = 'someone@northwind.test'`;
    expect(invitation!.status).toBe("pending");
  });

  it("are absent from every list query", async () => {
    const res = await h.gql<Record<string, { nodes: { id: string }[] }>>(
      `{ subAccounts { nodes { id } } memberships { nodes { id } } invitations { nodes { id } }
         apiKeys { nodes { id } } auditLog(first: 100) { nodes { id } } }`,
      asSam,
    );
    const seen = JSON.stringify(res.body.data);
    for (const id of Object.values(northwind)) expect(seen).not.toContain(id);
    const accounts = await h.gql<{ accounts: { slug: string }[] }>("{ accounts { slug } }", { as: SAM });
    expect(accounts.body.data?.accounts.map((a) => a.slug)).toEqual(["blue-bottle"]);
  });

  it("cannot act in another tenant's account, whether it exists or not", async () => {
    const existing = await h.gql("{ account { name } }", { as: SAM, account: "northwind" });
    const missing = await h.gql("{ account { name } }", { as: SAM, account: "no-such-account" });
    expect(existing.status).toBe(403);
    expect(existing.body.data).toBeUndefined();
    expect(existing.body.errors?.[0]?.message).toBe(missing.body.errors?.[0]?.message);
  });

  it("an API key cannot name another account", async () => {
    const key = await h.gql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "bb", scopes: ["identity:read"] }) { secret } }`,
      asSam,
    );
    const res = await h.gql("{ account { name } }", {
      bearer: key.body.data!.createApiKey.secret,
      account: "northwind",
    });
    expect(res.status).toBe(403);
  });
});

describe("nested reads", () => {
  const NESTED = `{ subAccounts(first: 50) { totalCount nodes { name slug
      memberships(first: 5) { totalCount nodes { role user { name email } } } } } }`;

  it("plan into a bounded number of SQL statements, however many rows (no N+1)", async () => {
    const asOlivia = { as: OLIVIA, account: "northwind" };
    h.counter.reset();
    const small = await h.gql<{ subAccounts: { totalCount: number } }>(NESTED, asOlivia);
    const smallCount = h.counter.count;
    for (let i = 0; i < 4; i++) {
      await h.gql(
        `mutation($input: CreateSubAccountInput!) { createSubAccount(input: $input) { userErrors { code } } }`,
        { ...asOlivia, variables: { input: { name: `Client ${i}`, slug: `client-${i}` } } },
      );
    }
    h.counter.reset();
    const large = await h.gql<{ subAccounts: { totalCount: number } }>(NESTED, asOlivia);
    expect(large.body.data!.subAccounts.totalCount).toBe(small.body.data!.subAccounts.totalCount + 4);
    expect(h.counter.count).toBe(smallCount);
    // authentication + scope (3) and the planned read with its counts (2).
    expect(h.counter.count).toBeLessThanOrEqual(5);
  });
});
