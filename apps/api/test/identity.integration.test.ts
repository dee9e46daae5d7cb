// Identity over HTTP: API key lifecycle, roles and scopes, userErrors, audit trail and events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test"; // agency owner
const MIA = "mia.member@northwind.test"; // agency member
const VICTOR = "victor.viewer@northwind.test"; // viewer of acme-outdoor

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes status } userErrors { field code message } }
}`;

async function createKey(scopes: string[], account = "northwind", as = OLIVIA) {
  const res = await h.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(CREATE_KEY, {
    as,
    account,
    variables: { input: { name: `key ${scopes.join(" ")}`, scopes } },
  });
  return res.body.data!.createApiKey;
}

describe("API keys", () => {
  it("authenticates with a new key, and refuses it with 401 once revoked", async () => {
    const created = await createKey(["identity:read"]);
    expect(created.secret).toMatch(/^mk_/);
    const asKey = await h.gql<{ account: { name: string } }>("{ account { name } }", {
      bearer: created.secret,
    });
    expect(asKey.status).toBe(200);
    expect(asKey.body.data?.account.name).toBe("Northwind Agency");

    const revoke = await h.gql<{ revokeApiKey: { apiKey: { status: string } } }>(
      `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { status revokedAt } userErrors { code } } }`,
      { as: OLIVIA, account: "northwind", variables: { id: created.apiKey.id } },
    );
    expect(revoke.body.data?.revokeApiKey.apiKey.status).toBe("REVOKED");

    const refused = await h.gql("{ account { name } }", { bearer: created.secret });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.message).toMatch(/revoked/);
    expect(refused.body.data).toBeUndefined();
  });

  it("stores only the SHA-256 of the secret, and records last use", async () => {
    const created = await createKey(["identity:read"]);
    await h.gql("{ account { name } }", { bearer: created.secret });
    const [row] = await h.owner.sql<{ secret_hash: string; last_used_at: Date | null }[]>`
      select secret_hash, last_used_at from api_keys where prefix = ${created.secret.slice(0, 10)}`;
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.secret_hash).not.toContain(created.secret);
    expect(row!.last_used_at).not.toBeNull();
  });

  it("refuses an unknown key and an expired key with 401 and a clear message", async () => {
    const unknown = await h.gql("{ account { name } }", { bearer: "mk_not-a-real-key" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.message).toBe("Invalid API key.");

    const created = await createKey(["identity:read"]);
    await h.owner
      .sql`update api_keys set expires_at = now() - interval '1 minute' where prefix = ${created.secret.slice(0, 10)}`;
    const expired = await h.gql("{ account { name } }", { bearer: created.secret });
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]?.message).toMatch(/expired/);
  });

  it("returns the secret once: listing keys never shows it", async () => {
    const created = await createKey(["identity:read"]);
    const list = await h.gql<{ apiKeys: { nodes: Record<string, unknown>[] } }>(
      "{ apiKeys(first: 50) { totalCount nodes { id name prefix scopes status } } }",
      { as: OLIVIA, account: "northwind" },
    );
    const listed = list.body.data!.apiKeys.nodes.find((k) => k.id === created.apiKey.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
  });

  it("limits a key to its scopes", async () => {
    const readOnly = await createKey(["identity:read"]);
    const invite = await h.gql<{ inviteMember: { userErrors: { code: string }[] } }>(
      `mutation { inviteMember(input: { email: "x@example.com", role: MEMBER }) { userErrors { code message } } }`,
      { bearer: readOnly.secret },
    );
    expect(invite.body.data?.inviteMember.userErrors[0]?.code).toBe("FORBIDDEN");
    const audit = await h.gql("{ auditLog(first: 5) { totalCount } }", { bearer: readOnly.secret });
    expect(audit.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(audit.body.data).toBeNull();

    const writer = await createKey(["identity:write", "audit:read"]);
    const invited = await h.gql<{ inviteMember: { invitation: { email: string } } }>(
      `mutation { inviteMember(input: { email: "integrator-invite@example.com", role: MEMBER }) { invitation { email } userErrors { code } } }`,
      { bearer: writer.secret },
    );
    expect(invited.body.data?.inviteMember.invitation.email).toBe("integrator-invite@example.com");
    // A key can never mint keys (a leaked key must not entrench itself).
    const mint = await h.gql<{ createApiKey: { userErrors: { code: string }[] } }>(CREATE_KEY, {
      bearer: writer.secret,
      variables: { input: { name: "child", scopes: ["identity:read"] } },
    });
    expect(mint.body.data?.createApiKey.userErrors[0]?.code).toBe("FORBIDDEN");
  });
});

describe("roles", () => {
  it("lets a member read but not manage", async () => {
    const members = await h.gql<{ memberships: { totalCount: number } }>("{ memberships { totalCount } }", {
      as: MIA,
      account: "northwind",
    });
    expect(members.body.data?.memberships.totalCount).toBe(3);
    const key = await h.gql<{ createApiKey: { apiKey: null; userErrors: { code: string }[] } }>(CREATE_KEY, {
      as: MIA,
      account: "northwind",
      variables: { input: { name: "nope", scopes: ["identity:read"] } },
    });
    expect(key.body.data?.createApiKey).toEqual({
      secret: null,
      apiKey: null,
      userErrors: [expect.objectContaining({ code: "FORBIDDEN" })],
    });
  });

  it("gives agency owners their role in every sub-account, and nothing to a member there", async () => {
    const asOwner = await h.gql<{ account: { name: string; viewerRole: string } }>(
      "{ account { name viewerRole } }",
      {
        as: OLIVIA,
        account: "acme-outdoor",
      },
    );
    expect(asOwner.body.data?.account).toEqual({ name: "Acme Outdoor", viewerRole: "OWNER" });
    const asMember = await h.gql("{ account { name } }", { as: MIA, account: "acme-outdoor" });
    expect(asMember.status).toBe(403);
    expect(asMember.body.data).toBeUndefined();
  });

  it("keeps a viewer from inviting", async () => {
    const res = await h.gql<{ inviteMember: { userErrors: { code: string }[] } }>(
      `mutation { inviteMember(input: { email: "v@example.com", role: VIEWER }) { userErrors { code } } }`,
      { as: VICTOR, account: "acme-outdoor" },
    );
    expect(res.body.data?.inviteMember.userErrors).toEqual([{ code: "FORBIDDEN" }]);
  });

  it("never removes or demotes the last owner", async () => {
    const list = await h.gql<{ memberships: { nodes: { id: string; role: string }[] } }>(
      "{ memberships { nodes { id role } } }",
      { as: "sam.owner@bluebottle.test", account: "blue-bottle" },
    );
    const owner = list.body.data!.memberships.nodes.find((m) => m.role === "OWNER")!;
    const demote = await h.gql<{ updateMembershipRole: { userErrors: { code: string }[] } }>(
      `mutation($id: ID!) { updateMembershipRole(input: { membershipId: $id, role: ADMIN }) { userErrors { code } } }`,
      { as: "sam.owner@bluebottle.test", account: "blue-bottle", variables: { id: owner.id } },
    );
    expect(demote.body.data?.updateMembershipRole.userErrors).toEqual([{ code: "LAST_OWNER" }]);
  });
});

describe("sub-accounts, bad input and the audit trail", () => {
  const CREATE_SUB = `mutation($input: CreateSubAccountInput!) {
    createSubAccount(input: $input) { account { id name slug kind parentAccount { slug } } userErrors { field code message } }
  }`;

  it("creates a sub-account, audits it and appends a domain event", async () => {
    const res = await h.gql<{
      createSubAccount: { account: { id: string; slug: string; parentAccount: { slug: string } } };
    }>(CREATE_SUB, {
      as: OLIVIA,
      account: "northwind",
      variables: { input: { name: "Delta Dogs", slug: "delta-dogs" } },
    });
    const account = res.body.data!.createSubAccount.account;
    expect(account).toMatchObject({
      slug: "delta-dogs",
      kind: "BUSINESS",
      parentAccount: { slug: "northwind" },
    });

    const audit = await h.gql<{ auditLog: { nodes: { action: string; actorUser: { email: string } }[] } }>(
      `{ auditLog(first: 5, filter: { action: "account.created" }) { nodes { action entityType actorUser { email } } } }`,
      { as: OLIVIA, account: "northwind" },
    );
    expect(audit.body.data?.auditLog.nodes[0]).toMatchObject({
      action: "account.created",
      actorUser: { email: OLIVIA },
    });
    const events = await h.owner
      .sql`select event_type from domain_events where event_type = 'account.created'`;
    expect(events.length).toBe(1);

    // The agency's owner may act in the new account straight away.
    const inNew = await h.gql<{ account: { name: string } }>("{ account { name } }", {
      as: OLIVIA,
      account: "delta-dogs",
    });
    expect(inNew.body.data?.account.name).toBe("Delta Dogs");
  });

  it("answers a duplicate or malformed slug with userErrors naming the field, writing nothing", async () => {
    const before = await h.owner.sql`select count(*)::int as n from audit_logs`;
    const dup = await h.gql<{ createSubAccount: { account: null; userErrors: unknown[] } }>(CREATE_SUB, {
      as: OLIVIA,
      account: "northwind",
      variables: { input: { name: "Another Acme", slug: "acme-outdoor" } },
    });
    expect(dup.body.data?.createSubAccount).toEqual({
      account: null,
      userErrors: [{ field: "slug", code: "TAKEN", message: "This slug is already in use." }],
    });
    const bad = await h.gql<{ createSubAccount: { userErrors: { field: string; code: string }[] } }>(
      CREATE_SUB,
      {
        as: OLIVIA,
        account: "northwind",
        variables: { input: { name: " ", slug: "Not A Slug!" } },
      },
    );
    expect(bad.body.data?.createSubAccount.userErrors.map((e) => [e.field, e.code])).toEqual([
      ["name", "INVALID"],
      ["slug", "INVALID"],
    ]);
    const after = await h.owner.sql`select count(*)::int as n from audit_logs`;
    expect(after[0]!.n).toBe(before[0]!.n);
    const rows = await h.owner.sql`select 1 from accounts where name = 'Another Acme'`;
    expect(rows.length).toBe(0);
  });

  it("refuses a sub-account under a business account", async () => {
    const res = await h.gql<{ createSubAccount: { userErrors: { code: string }[] } }>(CREATE_SUB, {
      as: "sam.owner@bluebottle.test",
      account: "blue-bottle",
      variables: { input: { name: "Sub", slug: "bb-sub" } },
    });
    expect(res.body.data?.createSubAccount.userErrors[0]?.code).toBe("FORBIDDEN");
  });

  it("redacts secrets in audit entries", async () => {
    const created = await createKey(["identity:read"]);
    const [entry] = await h.owner.sql<{ after: Record<string, unknown> }[]>`
      select after from audit_logs where action = 'api_key.created' and entity_id = (
        select id from api_keys where prefix = ${created.secret.slice(0, 10)})`;
    expect(entry!.after.secretHash).toBe("[redacted]");
    expect(JSON.stringify(entry!.after)).not.toContain(created.secret);
  });

  it("filters the audit log by actor and entity", async () => {
    const olivia = await h.gql<{ viewer: { user: { id: string } } }>("{ viewer { user { id } } }", {
      as: OLIVIA,
    });
    const res = await h.gql<{ auditLog: { totalCount: number; nodes: { actorUser: { email: string } }[] } }>(
      `query($actor: ID!) { auditLog(first: 100, filter: { actorUserId: $actor, entityType: "api_key" }) { totalCount nodes { actorUser { email } entityType } } }`,
      { as: OLIVIA, account: "northwind", variables: { actor: olivia.body.data!.viewer.user.id } },
    );
    expect(res.body.data!.auditLog.totalCount).toBeGreaterThan(0);
    expect(new Set(res.body.data!.auditLog.nodes.map((n) => n.actorUser.email))).toEqual(new Set([OLIVIA]));
  });
});

describe("invitations", () => {
  it("invites, refuses a second pending invitation, and lets the invitee sign up through the link", async () => {
    const invite = `mutation($email: String!) { inviteMember(input: { email: $email, role: MEMBER }) { inviteUrlPath invitation { email status } userErrors { field code } } }`;
    const first = await h.gql<{ inviteMember: { inviteUrlPath: string } }>(invite, {
      as: OLIVIA,
      account: "cedar-dental",
      variables: { email: "New.Person@Example.com" },
    });
    const path = first.body.data!.inviteMember.inviteUrlPath;
    expect(path).toMatch(/^\/invite\/[\w-]+$/);
    const second = await h.gql<{ inviteMember: { userErrors: unknown[] } }>(invite, {
      as: OLIVIA,
      account: "cedar-dental",
      variables: { email: "new.person@example.com" },
    });
    expect(second.body.data?.inviteMember.userErrors).toEqual([{ field: "email", code: "TAKEN" }]);

    const token = path.split("/").pop();
    const accept = await h.gql<{
      acceptInvitation: { membership: { role: string; account: { slug: string } } };
    }>(
      `mutation($token: String!) { acceptInvitation(input: { token: $token, name: "New Person", password: "a-long-password" }) { membership { role account { slug } } userErrors { field code } } }`,
      { variables: { token } },
    );
    expect(accept.body.data?.acceptInvitation.membership).toEqual({
      role: "MEMBER",
      account: { slug: "cedar-dental" },
    });
    const again = await h.gql<{ acceptInvitation: { userErrors: { code: string }[] } }>(
      `mutation($token: String!) { acceptInvitation(input: { token: $token, name: "X", password: "a-long-password" }) { userErrors { code } } }`,
      { variables: { token } },
    );
    expect(again.body.data?.acceptInvitation.userErrors).toEqual([{ code: "CONFLICT" }]);
  });
});

describe("sign-in", () => {
  const login = (email: string, password: string) =>
    fetch(`${h.api.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });

  it("signs in with the right password and locks the user out after five failures", async () => {
    const ok = await login("adam.admin@northwind.test", "Markettina!2026");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { user: { email: string } }).user.email).toBe("adam.admin@northwind.test");
    for (let i = 0; i < 4; i++) {
      const wrong = await login("adam.admin@northwind.test", "wrong-password");
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("INVALID_CREDENTIALS");
    }
    const fifth = await login("adam.admin@northwind.test", "wrong-password");
    expect(((await fifth.json()) as { error: { code: string } }).error.code).toBe("LOCKED");
    const locked = await login("adam.admin@northwind.test", "Markettina!2026");
    expect(locked.status).toBe(401);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("LOCKED");
  });

  it("answers an unknown address exactly like a wrong password", async () => {
    const res = await login("nobody@example.com", "whatever-password");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "INVALID_CREDENTIALS", message: "The e-mail or password is not correct." },
    });
  });
});

describe("GraphQL over HTTP", () => {
  it("answers malformed GraphQL with 400", async () => {
    const res = await fetch(`${h.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ account { " }),
    });
    expect(res.status).toBe(400);
  });

  it("refuses a document of too many tokens with 400 before parsing it whole", async () => {
    const res = await fetch(`${h.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ ${"apiScopes ".repeat(6_000)}}` }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/contains more tha[nt] 5000 tokens/);
  });

  it("refuses a query over the depth or complexity limit", async () => {
    const res = await h.gql(
      "{ subAccounts(first: 100) { nodes { memberships(first: 100) { nodes { user { name } } } } } }",
      { as: OLIVIA, account: "northwind" },
    );
    expect(res.body.errors?.[0]?.message).toMatch(/complexity/i);
  });
});
