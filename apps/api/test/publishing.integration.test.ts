// Publishing on real PostgreSQL through real connectors: an e-mail delivered to an SMTP server on
// loopback, a signed webhook to a real HTTP receiver (with retries, backoff and failure), and the
// publish-once protocol under duplicated jobs. The job body (publishPost) is called directly here;
// publish-worker.integration.test.ts runs it through the worker's dispatcher and pg-boss.
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import { type Connectors, type PublishOptions, publishPost } from "@markettina/domain";
import pino from "pino";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logConnector } from "../src/connectors/log-connector.ts";
import { type SmtpConnector, smtpConnector } from "../src/connectors/smtp-connector.ts";
import { webhookConnector } from "../src/connectors/webhook-connector.ts";

const SECRET = `whsec_${randomUUID()}`;
const account = randomUUID();

let database: TestDatabase;
let owner: DatabaseClient;
let app: DatabaseClient;

// --- An SMTP server on loopback: accepts everything except mailboxes named "nobody".
interface Mail {
  rcptTo: string[];
  raw: Buffer;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let smtpConnectorImpl: SmtpConnector;

// --- A webhook receiver on loopback: answers `webhookStatus`, records every request as received.
interface Delivery {
  headers: IncomingHttpHeaders;
  raw: string;
}
const deliveries: Delivery[] = [];
let webhookStatus = 200;
let receiver: Server;
let webhookUrl: string;

let connectors: Connectors;
const ids = { smtp: randomUUID(), webhook: randomUUID(), log: randomUUID() };

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  app = createClient(database.appUrl, { max: 8 });

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@")) {
        return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  smtpConnectorImpl = smtpConnector({ url: `smtp://127.0.0.1:${smtpPort}`, timeoutMs: 5_000 });

  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      // Answer a little later, so concurrent runs truly overlap the delivery.
      setTimeout(() => res.writeHead(webhookStatus).end(webhookStatus === 200 ? "ok" : "boom"), 50);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/markettina`;

  connectors = {
    smtp: smtpConnectorImpl,
    webhook: webhookConnector({ timeoutMs: 5_000 }),
    log: logConnector(pino({ level: "silent" })),
  };

  await owner.sql`insert into accounts (id, name, slug) values (${account}, 'Blue Bottle Bakery', 'bakery')`;
  await owner.sql`
    insert into connectors (id, account_id, kind, name, config, secret) values
      (${ids.smtp}, ${account}, 'smtp', 'Newsletter', ${owner.sql.json({
        from: "Bakery <news@bakery.test>",
        to: ["Ada Lovelace <ada@example.test>", "grace@example.test"],
        replyTo: "hello@bakery.test",
      })}, null),
      (${ids.webhook}, ${account}, 'webhook', 'Relay', ${owner.sql.json({
        url: webhookUrl,
        headers: { "X-Api-Key": "receiver-key" },
      })}, ${SECRET}),
      (${ids.log}, ${account}, 'log', 'Demo log', '{}', null)`;
});

afterAll(async () => {
  smtpConnectorImpl?.close();
  await new Promise((resolve) => smtp?.close(() => resolve(null)));
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(() => resolve(null)));
  await app?.close();
  await owner?.close();
  await database?.drop();
});

/** An approved content item (version 1 with its history row) and a post for it, due a minute ago. */
async function duePost(
  connectorId: string,
  options: {
    channel?: string;
    title?: string;
    subject?: string;
    body?: string;
    status?: string;
    at?: string;
  } = {},
): Promise<{ postId: string; itemId: string }> {
  const itemId = randomUUID();
  const postId = randomUUID();
  const item = {
    title: options.title ?? "Winter breads",
    subject: options.subject ?? "",
    body: options.body ?? "Rye with caraway is back.",
    status: options.status ?? "approved",
  };
  await owner.sql`
    insert into content_items (id, account_id, type, status, title, subject, body)
    values (${itemId}, ${account}, 'email', ${item.status}, ${item.title}, ${item.subject}, ${item.body})`;
  await owner.sql`
    insert into content_versions (id, account_id, content_item_id, version, title, subject, body, status)
    values (gen_random_uuid(), ${account}, ${itemId}, 1, ${item.title}, ${item.subject}, ${item.body}, ${item.status})`;
  await owner.sql`
    insert into scheduled_posts (id, account_id, content_item_id, channel, connector_id, scheduled_at, time_zone)
    values (${postId}, ${account}, ${itemId}, ${options.channel ?? "email"}, ${connectorId},
            now() + ${options.at ?? "-1 minute"}::interval, 'Europe/Rome')`;
  return { postId, itemId };
}

const run = (postId: string, options?: PublishOptions) =>
  publishPost(app.db, connectors, { accountId: account, postId }, options);

async function postRow(postId: string) {
  const [row] = await owner.sql<
    {
      status: string;
      attempts: number;
      last_error: string | null;
      external_id: string | null;
      published_at: Date | null;
      next_attempt_at: Date | null;
      backoff_seconds: number | null;
    }[]
  >`select status, attempts, last_error, external_id, published_at, next_attempt_at,
           extract(epoch from next_attempt_at - updated_at)::float8 as backoff_seconds
      from scheduled_posts where id = ${postId}`;
  return row!;
}

const itemStatus = async (itemId: string) =>
  (await owner.sql<{ status: string }[]>`select status from content_items where id = ${itemId}`)[0]!.status;

/** Makes a post that is waiting out its backoff due now (instead of waiting for the clock). */
const dueNow = (postId: string) =>
  owner.sql`update scheduled_posts set next_attempt_at = now() - interval '1 second' where id = ${postId}`;

describe("SMTP connector", () => {
  it("delivers one e-mail per recipient with the variables rendered and markup escaped", async () => {
    const { postId, itemId } = await duePost(ids.smtp, {
      subject: "{{first_name}}, winter breads are here",
      body: "Hi {{first_name}},\n\nFresh from {{account_name}}: <script>alert('x')</script> & rye.",
    });
    const outcome = await run(postId);
    expect(outcome).toMatchObject({ status: "published", attempts: 1 });

    expect(mails.map((m) => m.rcptTo)).toEqual([["ada@example.test"], ["grace@example.test"]]);
    const ada = await PostalMime.parse(mails[0]!.raw);
    expect(ada.subject).toBe("Ada, winter breads are here");
    expect(ada.from).toMatchObject({ address: "news@bakery.test", name: "Bakery" });
    expect(ada.to).toEqual([{ address: "ada@example.test", name: "Ada Lovelace" }]);
    expect(ada.replyTo).toEqual([{ address: "hello@bakery.test", name: "" }]);
    expect(ada.text?.trim()).toBe(
      "Hi Ada,\n\nFresh from Blue Bottle Bakery: <script>alert('x')</script> & rye.",
    );
    expect(ada.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; rye.");
    expect(ada.html).not.toContain("<script");
    expect(ada.messageId).toBe(`<${postId}.1@bakery.test>`);
    // No display name: an empty first name, not a leftover {{first_name}}.
    const grace = await PostalMime.parse(mails[1]!.raw);
    expect(grace.subject).toBe(", winter breads are here");
    expect(grace.to).toEqual([{ address: "grace@example.test", name: "" }]);

    const row = await postRow(postId);
    expect(row).toMatchObject({ status: "published", attempts: 1, last_error: null });
    expect(row.external_id).toBe(`smtp:<${postId}.1@bakery.test>,<${postId}.2@bakery.test>`);
    expect(await itemStatus(itemId)).toBe("published");
  });

  it("fails at once, without retrying, when the server refuses a recipient for good", async () => {
    const refusing = randomUUID();
    await owner.sql`
      insert into connectors (id, account_id, kind, name, config) values
        (${refusing}, ${account}, 'smtp', 'Typo list', ${owner.sql.json({ from: "news@bakery.test", to: ["nobody@example.test"] })})`;
    const { postId } = await duePost(refusing);
    const outcome = await run(postId);
    expect(outcome).toMatchObject({ status: "failed", attempts: 1 });
    const row = await postRow(postId);
    expect(row.status).toBe("failed");
    expect(row.last_error).toMatch(/nobody@example\.test.*No such mailbox/);
  });

  it("refuses content with a merge variable it has no value for", async () => {
    const { postId } = await duePost(ids.smtp, { body: "Your code: {{coupon_code}}" });
    const before = mails.length;
    expect(await run(postId)).toMatchObject({ status: "failed" });
    expect((await postRow(postId)).last_error).toContain("{{coupon_code}}");
    expect(mails.length).toBe(before);
  });
});

describe("webhook connector", () => {
  /** What a receiver does: recompute the signature over timestamp + "." + raw body. */
  function verify(d: Delivery, secret: string): boolean {
    const timestamp = d.headers["x-markettina-timestamp"] as string;
    const expected = createHmac("sha256", secret).update(`${timestamp}.${d.raw}`).digest("hex");
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
    return d.headers["x-markettina-signature"] === `v1=${expected}` && fresh;
  }

  it("POSTs the post as signed JSON that the receiver verifies", async () => {
    webhookStatus = 200;
    const { postId, itemId } = await duePost(ids.webhook, {
      channel: "linkedin",
      title: "Pumpkin sourdough",
      body: "Back this week.",
    });
    deliveries.length = 0;
    const outcome = await run(postId);
    expect(outcome).toMatchObject({ status: "published" });

    expect(deliveries).toHaveLength(1);
    const d = deliveries[0]!;
    expect(verify(d, SECRET)).toBe(true);
    expect(verify(d, "whsec_someone-else")).toBe(false);
    expect(verify({ ...d, raw: d.raw.replace("Back", "Gone") }, SECRET)).toBe(false);
    expect(d.headers["idempotency-key"]).toBe(postId);
    expect(d.headers["content-type"]).toBe("application/json");
    expect(d.headers["x-api-key"]).toBe("receiver-key");
    const body = JSON.parse(d.raw);
    expect(body).toMatchObject({
      postId,
      accountId: account,
      channel: "linkedin",
      contentItem: { title: "Pumpkin sourdough", subject: "", body: "Back this week." },
    });
    expect(new Date(body.scheduledAt).getTime()).toBeLessThan(new Date(body.publishedAt).getTime());
    expect((await postRow(postId)).external_id).toBe(`webhook:${body.id}`);
    expect(await itemStatus(itemId)).toBe("published");
  });

  it("retries a failing receiver with growing backoff, then marks the post failed", async () => {
    webhookStatus = 500;
    deliveries.length = 0;
    const { postId, itemId } = await duePost(ids.webhook, { channel: "webhook" });
    const options = { maxAttempts: 3 };

    expect(await run(postId, options)).toMatchObject({ status: "retrying", attempts: 1 });
    let row = await postRow(postId);
    expect(row).toMatchObject({ status: "scheduled", attempts: 1, published_at: null });
    expect(row.last_error).toBe("The webhook answered HTTP 500 Internal Server Error.");
    expect(row.backoff_seconds).toBeCloseTo(30, 0);
    // Waiting out the backoff: not due yet, so a run does nothing.
    expect(await run(postId, options)).toEqual({ status: "skipped", postId });

    await dueNow(postId);
    expect(await run(postId, options)).toMatchObject({ status: "retrying", attempts: 2 });
    row = await postRow(postId);
    expect(row).toMatchObject({ status: "scheduled", attempts: 2 });
    expect(row.backoff_seconds).toBeCloseTo(60, 0);

    await dueNow(postId);
    expect(await run(postId, options)).toMatchObject({ status: "failed", attempts: 3 });
    row = await postRow(postId);
    expect(row).toMatchObject({ status: "failed", attempts: 3, next_attempt_at: null, published_at: null });
    expect(row.last_error).toContain("HTTP 500");
    expect(await itemStatus(itemId)).toBe("approved");

    // Every attempt was the same post, signed afresh: the receiver can dedupe on the key.
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((d) => verify(d, SECRET) && d.headers["idempotency-key"] === postId)).toBe(true);
    // Failed is final: the dispatcher no longer finds it.
    expect(await run(postId, options)).toEqual({ status: "skipped", postId });
    webhookStatus = 200;
  });
});

describe("publish once", () => {
  it("delivers a post once when its job runs several times at the same time, and after", async () => {
    webhookStatus = 200;
    deliveries.length = 0;
    const { postId } = await duePost(ids.webhook, { channel: "webhook" });
    const outcomes = await Promise.all([run(postId), run(postId), run(postId), run(postId)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["published", "skipped", "skipped", "skipped"]);
    expect(await run(postId)).toEqual({ status: "skipped", postId });

    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.headers["idempotency-key"]).toBe(postId);
    expect(await postRow(postId)).toMatchObject({ status: "published", attempts: 1 });
    const events = await owner.sql`
      select 1 from domain_events where aggregate_id = ${postId} and event_type = 'scheduled_post.published'`;
    expect(events).toHaveLength(1);
  });

  it("takes over a post whose claim outlived the lease (its worker died), and no other", async () => {
    const { postId } = await duePost(ids.log, { channel: "x" });
    await owner.sql`
      update scheduled_posts set status = 'publishing', attempts = 1, claimed_at = now() - interval '10 minutes'
       where id = ${postId}`;
    const live = await duePost(ids.log, { channel: "x" });
    await owner.sql`
      update scheduled_posts set status = 'publishing', attempts = 1, claimed_at = now() - interval '10 seconds'
       where id = ${live.postId}`;

    expect(await run(postId)).toMatchObject({ status: "published", attempts: 2 });
    expect(await run(live.postId)).toEqual({ status: "skipped", postId: live.postId });
    expect((await postRow(live.postId)).status).toBe("publishing");
  });

  it("publishes nothing before its time, through a disabled connector, or for unapproved content", async () => {
    const early = await duePost(ids.log, { at: "1 hour" });
    expect(await run(early.postId)).toEqual({ status: "skipped", postId: early.postId });
    expect((await postRow(early.postId)).attempts).toBe(0);

    const draft = await duePost(ids.log, { status: "draft" });
    expect(await run(draft.postId)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await postRow(draft.postId)).last_error).toBe(
      "Only approved content is published; this item is draft.",
    );

    const off = randomUUID();
    await owner.sql`
      insert into connectors (id, account_id, kind, name, enabled) values (${off}, ${account}, 'log', 'Old log', false)`;
    const disabled = await duePost(off);
    expect(await run(disabled.postId)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await postRow(disabled.postId)).last_error).toBe('The connector "Old log" is disabled.');
  });

  it("names the missing configuration when the server has no SMTP", async () => {
    const { postId } = await duePost(ids.smtp);
    const outcome = await publishPost(app.db, { log: connectors.log }, { accountId: account, postId });
    expect(outcome).toMatchObject({ status: "failed" });
    expect((await postRow(postId)).last_error).toBe(
      "This server has no smtp connector configured (set SMTP_URL).",
    );
  });
});
