// Connectors over HTTP: who may set them up, what is shown of them (the webhook signing secret
// once, never again; header values never), validation per kind, deleting only unused ones, and
// tenants that cannot see each other's.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const ADMIN = "adam.admin@northwind.test";
const MEMBER = "mia.member@northwind.test";
const SAM = "sam.owner@bluebottle.test";
const AGENCY = "northwind";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface UserError {
  field: string | null;
  code: string;
}
interface Connector {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown> | null;
  enabled: boolean;
}
const CONNECTOR = "id kind name config enabled";

const call = async <T>(
  as: string,
  account: string,
  query: string,
  variables: Record<string, unknown> = {},
) => {
  const res = await h.gql<T>(query, { as, account, variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
};

const create = (input: Record<string, unknown>, as = ADMIN, account = AGENCY) =>
  call<{
    createConnector: { connector: Connector | null; signingSecret: string | null; userErrors: UserError[] };
  }>(
    as,
    account,
    `mutation($input: CreateConnectorInput!) {
      createConnector(input: $input) { connector { ${CONNECTOR} } signingSecret userErrors { field code } } }`,
    { input },
  ).then((d) => d.createConnector);

const update = (input: Record<string, unknown>, as = ADMIN, account = AGENCY) =>
  call<{ updateConnector: { connector: Connector | null; userErrors: UserError[] } }>(
    as,
    account,
    `mutation($input: UpdateConnectorInput!) {
      updateConnector(input: $input) { connector { ${CONNECTOR} } userErrors { field code } } }`,
    { input },
  ).then((d) => d.updateConnector);

const rotate = (id: string, as = ADMIN, account = AGENCY) =>
  call<{ rotateConnectorSecret: { signingSecret: string | null; userErrors: UserError[] } }>(
    as,
    account,
    `mutation($id: ID!) { rotateConnectorSecret(input: { id: $id }) { signingSecret userErrors { field code } } }`,
    { id },
  ).then((d) => d.rotateConnectorSecret);

const remove = (id: string, as = ADMIN, account = AGENCY) =>
  call<{ deleteConnector: { deletedConnectorId: string | null; userErrors: UserError[] } }>(
    as,
    account,
    `mutation($id: ID!) { deleteConnector(input: { id: $id }) { deletedConnectorId userErrors { field code } } }`,
    { id },
  ).then((d) => d.deleteConnector);

const list = (as = ADMIN, account = AGENCY, args = "") =>
  call<{ connectors: { totalCount: number; nodes: Connector[] } }>(
    as,
    account,
    `{ connectors(first: 50${args}) { totalCount nodes { ${CONNECTOR} } } }`,
  ).then((d) => d.connectors);

const uuidOf = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

const storedSecret = async (globalId: string) =>
  (
    await h.owner.sql<
      { secret: string | null }[]
    >`select secret from connectors where id = ${uuidOf(globalId)}`
  )[0]!.secret;

describe("connectors", () => {
  it("show a webhook's signing secret once, and never it or a header value again", async () => {
    const created = await create({
      kind: "WEBHOOK",
      name: "Zapier relay",
      config: { url: "https://hooks.example.test/in", headers: { "X-Api-Key": "key-123" } },
    });
    expect(created.userErrors).toEqual([]);
    const secret = created.signingSecret!;
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(await storedSecret(created.connector!.id)).toBe(secret);
    expect(created.connector).toMatchObject({
      kind: "WEBHOOK",
      enabled: true,
      config: { url: "https://hooks.example.test/in", headers: { "X-Api-Key": "••••••" } },
    });

    const rotated = await rotate(created.connector!.id);
    expect(rotated.userErrors).toEqual([]);
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    expect(rotated.signingSecret).not.toBe(secret);
    expect(await storedSecret(created.connector!.id)).toBe(rotated.signingSecret);

    // Every read: the list, the node, the audit log of the changes.
    const reads = JSON.stringify([
      await list(),
      await call(ADMIN, AGENCY, `query($id: ID!) { node(id: $id) { ... on Connector { ${CONNECTOR} } } }`, {
        id: created.connector!.id,
      }),
      await call(
        ADMIN,
        AGENCY,
        `{ auditLog(first: 20, filter: { entityType: "connector" }) { nodes { action before after } } }`,
      ),
    ]);
    expect(reads).toContain("Zapier relay");
    expect(reads).toContain("connector.secret_rotated");
    for (const hidden of [secret, rotated.signingSecret!, "key-123"]) expect(reads).not.toContain(hidden);

    // Sent back hidden, a header keeps its value; a new value replaces it.
    const config = { url: "https://hooks.example.test/v2", headers: { "X-Api-Key": "••••••" } };
    expect((await update({ id: created.connector!.id, config })).userErrors).toEqual([]);
    const stored = async () =>
      (
        await h.owner.sql<{ config: { url: string; headers: Record<string, string> } }[]>`
          select config from connectors where id = ${uuidOf(created.connector!.id)}`
      )[0]!.config;
    expect(await stored()).toEqual({
      url: "https://hooks.example.test/v2",
      headers: { "X-Api-Key": "key-123" },
    });
    await update({ id: created.connector!.id, config: { ...config, headers: { "X-Api-Key": "key-456" } } });
    expect((await stored()).headers).toEqual({ "X-Api-Key": "key-456" });
  });

  it("give SMTP and log connectors no secret, and check each kind's configuration", async () => {
    const smtp = await create({
      kind: "SMTP",
      name: "Newsletter",
      config: { from: "Northwind <news@northwind.test>", to: ["Ada <ada@example.test>", "bo@example.test"] },
    });
    expect(smtp.userErrors).toEqual([]);
    expect(smtp.signingSecret).toBeNull();
    expect(await storedSecret(smtp.connector!.id)).toBeNull();
    expect(smtp.connector!.config).toEqual({
      from: "Northwind <news@northwind.test>",
      to: ["Ada <ada@example.test>", "bo@example.test"],
    });
    expect((await rotate(smtp.connector!.id)).userErrors).toEqual([{ field: "id", code: "INVALID" }]);

    const refused = [
      [{ kind: "WEBHOOK", name: "W1", config: { url: "ftp://example.test/in" } }, "config.url"],
      [
        {
          kind: "WEBHOOK",
          name: "W2",
          config: { url: "https://x.test", headers: { "X-Markettina-Signature": "v" } },
        },
        "config.headers.X-Markettina-Signature",
      ],
      [{ kind: "SMTP", name: "S1", config: { from: "news@northwind.test", to: [] } }, "config.to"],
      [
        { kind: "SMTP", name: "S2", config: { from: "news@northwind.test", to: ["not an address"] } },
        "config.to.0",
      ],
      [
        {
          kind: "SMTP",
          name: "S3",
          config: { from: "news@northwind.test\r\nBcc: x@evil.test", to: ["a@b.test"] },
        },
        "config.from",
      ],
      [{ kind: "LOG", name: "L1", config: { anything: true } }, "config"],
      [{ kind: "LOG", name: "Newsletter" }, "name"],
    ] as const;
    for (const [input, field] of refused) {
      const result = await create(input as Record<string, unknown>);
      expect(result.connector, field).toBeNull();
      expect(result.userErrors, field).toEqual([{ field, code: field === "name" ? "TAKEN" : "INVALID" }]);
    }
  });

  it("let members see which connectors exist but not their configuration, nor manage them", async () => {
    const webhook = (
      await create({ kind: "WEBHOOK", name: "Members look", config: { url: "https://m.test" } })
    ).connector!;
    const seen = (await list(MEMBER)).nodes.find((n) => n.id === webhook.id);
    expect(seen).toMatchObject({ name: "Members look", kind: "WEBHOOK", config: null });

    const forbidden = [{ field: null, code: "FORBIDDEN" }];
    expect((await create({ kind: "LOG", name: "Mine" }, MEMBER)).userErrors).toEqual(forbidden);
    expect((await update({ id: webhook.id, enabled: false }, MEMBER)).userErrors).toEqual(forbidden);
    expect((await rotate(webhook.id, MEMBER)).userErrors).toEqual(forbidden);
    expect((await remove(webhook.id, MEMBER)).userErrors).toEqual(forbidden);
  });

  it("keep tenants apart", async () => {
    const agencyConnector = (
      await create({ kind: "WEBHOOK", name: "Agency only", config: { url: "https://a.test" } })
    ).connector!;
    const bakery = (await list(SAM, "blue-bottle")).nodes;
    expect(bakery.map((n) => n.name)).not.toContain("Agency only");
    const node = await call<{ node: unknown }>(
      SAM,
      "blue-bottle",
      `query($id: ID!) { node(id: $id) { id } }`,
      {
        id: agencyConnector.id,
      },
    );
    expect(node.node).toBeNull();
    const notFound = [{ field: "id", code: "NOT_FOUND" }];
    expect(
      (await update({ id: agencyConnector.id, name: "Taken over" }, SAM, "blue-bottle")).userErrors,
    ).toEqual(notFound);
    expect((await rotate(agencyConnector.id, SAM, "blue-bottle")).userErrors).toEqual(notFound);
    expect((await remove(agencyConnector.id, SAM, "blue-bottle")).userErrors).toEqual(notFound);
    const [row] = await h.owner.sql<
      { name: string }[]
    >`select name from connectors where id = ${uuidOf(agencyConnector.id)}`;
    expect(row!.name).toBe("Agency only");
  });

  it("delete only connectors no post uses; disabling is the way out for the others", async () => {
    const used = (await create({ kind: "LOG", name: "Used" })).connector!;
    const [agency] = await h.owner.sql<{ id: string }[]>`select id from accounts where slug = ${AGENCY}`;
    const itemId = randomUUID();
    const postId = randomUUID();
    await h.owner.sql`
      insert into content_items (id, account_id, type, status, title) values (${itemId}, ${agency!.id}, 'social_post', 'approved', 'Hi')`;
    await h.owner.sql`
      insert into scheduled_posts (id, account_id, content_item_id, channel, connector_id, scheduled_at, time_zone)
      values (${postId}, ${agency!.id}, ${itemId}, 'x', ${uuidOf(used.id)}, now() + interval '1 day', 'UTC')`;
    expect((await remove(used.id)).userErrors).toEqual([{ field: "id", code: "CONFLICT" }]);
    await h.owner.sql`
      update scheduled_posts set status = 'published', published_at = now() where id = ${postId}`;
    expect((await remove(used.id)).userErrors).toEqual([{ field: "id", code: "CONFLICT" }]);
    const disabled = await update({ id: used.id, enabled: false });
    expect(disabled.connector).toMatchObject({ enabled: false });
    expect((await list(ADMIN, AGENCY, ", enabled: false")).nodes.map((n) => n.name)).toEqual(["Used"]);

    const unused = (await create({ kind: "LOG", name: "Unused" })).connector!;
    expect(await remove(unused.id)).toEqual({ deletedConnectorId: unused.id, userErrors: [] });
    expect(await h.owner.sql`select 1 from connectors where id = ${uuidOf(unused.id)}`).toHaveLength(0);
  });

  it("list in a constant number of statements", async () => {
    h.counter.reset();
    await list();
    const statements = h.counter.count;
    await create({ kind: "LOG", name: "One more" });
    await create({ kind: "LOG", name: "And another" });
    h.counter.reset();
    const after = await list();
    expect(after.nodes.length).toBeGreaterThan(2);
    expect(h.counter.count).toBe(statements);
  });
});
