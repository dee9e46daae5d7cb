// Every mutation leaves an audit entry and a domain event; unexpected failures are masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test";
const asOlivia = { as: OLIVIA, account: "northwind" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function mutate<T>(query: string, variables: Record<string, unknown> = {}, options = asOlivia) {
  const res = await h.gql<Record<string, T & { userErrors: unknown[] }>>(query, { ...options, variables });
  const payload = Object.values(res.body.data ?? {})[0];
  expect(payload?.userErrors, JSON.stringify(res.body)).toEqual([]);
  return payload!;
}

describe("the audit trail", () => {
  it("records every mutation once, as an audit entry and a domain event", async () => {
    await mutate(
      `mutation { createSubAccount(input: { name: "Echo Eats", slug: "echo-eats" }) { userErrors { code } } }`,
    );
    await mutate(`mutation { updateAccount(input: { name: "Northwind & Co" }) { userErrors { code } } }`);
    const first = await mutate<{ invitation: { id: string } }>(
      `mutation { inviteMember(input: { email: "a@example.com", role: MEMBER }) { invitation { id } userErrors { code } } }`,
    );
    await mutate(`mutation($id: ID!) { revokeInvitation(input: { id: $id }) { userErrors { code } } }`, {
      id: first.invitation.id,
    });
    const second = await mutate<{ inviteUrlPath: string }>(
      `mutation { inviteMember(input: { email: "b@example.com", role: MEMBER }) { inviteUrlPath userErrors { code } } }`,
    );
    const accepted = await mutate<{ membership: { id: string } }>(
      `mutation($token: String!) { acceptInvitation(input: { token: $token, name: "Bea", password: "a-long-password" }) { membership { id } userErrors { code } } }`,
      { token: second.inviteUrlPath.split("/").pop() },
      {} as typeof asOlivia,
    );
    await mutate(
      `mutation($id: ID!) { updateMembershipRole(input: { membershipId: $id, role: VIEWER }) { userErrors { code } } }`,
      { id: accepted.membership.id },
    );
    await mutate(
      `mutation($id: ID!) { removeMember(input: { membershipId: $id }) { userErrors { code } } }`,
      {
        id: accepted.membership.id,
      },
    );
    const key = await mutate<{ apiKey: { id: string } }>(
      `mutation { createApiKey(input: { name: "k", scopes: ["identity:read"] }) { apiKey { id } userErrors { code } } }`,
    );
    await mutate(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { code } } }`, {
      id: key.apiKey.id,
    });

    const expected = [
      "account.created",
      "account.updated",
      "invitation.created",
      "invitation.revoked",
      "invitation.created",
      "invitation.accepted",
      "membership.role_changed",
      "membership.removed",
      "api_key.created",
      "api_key.revoked",
    ];
    const audit = await h.owner.sql<{ action: string; request_id: string | null }[]>`
      select action, request_id from audit_logs order by created_at, id`;
    const events = await h.owner.sql<{ event_type: string; correlation_id: string | null }[]>`
      select event_type, correlation_id from domain_events order by created_at, id`;
    expect(audit.map((a) => a.action)).toEqual(expected);
    expect(events.map((e) => e.event_type)).toEqual(expected);
    // The event carries the request that caused it, as the audit entry does.
    expect(events.map((e) => e.correlation_id)).toEqual(audit.map((a) => a.request_id));
    expect(audit.every((a) => a.request_id)).toBe(true);
  });
});

describe("unexpected failures", () => {
  it("are masked with a request id and leave nothing behind", async () => {
    // Break the database behind the API's back: the app role loses its grant on invitations.
    await h.owner.sql`revoke select, insert on invitations from markettina_app`;
    try {
      const before = await h.owner.sql`select count(*)::int as n from audit_logs`;
      const res = await h.gql<{ inviteMember: null }>(
        `mutation { inviteMember(input: { email: "c@example.com", role: MEMBER }) { invitation { id } userErrors { code } } }`,
        asOlivia,
      );
      const error = res.body.errors?.[0];
      expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(error?.message).toMatch(/^Internal error\. Quote request id [0-9a-f-]{36}/);
      expect(error?.message).toContain(String(error?.extensions?.requestId));
      expect(JSON.stringify(res.body)).not.toMatch(/permission|invitations|select/i);
      const after = await h.owner.sql`select count(*)::int as n from audit_logs`;
      expect(after[0]!.n).toBe(before[0]!.n);
    } finally {
      await h.owner.sql`grant select, insert on invitations to markettina_app`;
    }
  });
});
