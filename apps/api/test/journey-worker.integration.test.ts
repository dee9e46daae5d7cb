// Journeys end to end through the worker: its dispatchers and pg-boss jobs run the executor and the
// sender against real PostgreSQL, e-mail goes to an SMTP server on loopback, SMS to an HTTP gateway
// on loopback, a webhook action to an HTTP receiver. The worker's clock is injected, so "wait until
// 09:00 in the contact's zone" is tested by moving the clock, not by waiting for it.
import { randomUUID } from "node:crypto";
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import { unsubscribeLink } from "@markettina/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccount,
  createContacts,
  createJourney,
  enrol,
} from "../../../packages/domain/test/support/journey-fixtures.ts";
import { signWebhook } from "../src/connectors/webhook-connector.ts";
import { startWorker, type Worker } from "../src/jobs/worker.ts";
import { createMessageProviders } from "../src/messaging/message-providers.ts";
import {
  eventually,
  type LoopbackHttp,
  type LoopbackSmtp,
  parseMail,
  startLoopbackHttp,
  startLoopbackSmtp,
} from "./support/journey-loopback.ts";

const T0 = new Date("2031-03-03T10:00:00Z"); // Monday: 11:00 in Paris, 05:00 in New York
let now = T0;
const clock = () => now;
const unsubscribe = { baseUrl: "https://api.bakery.test", secret: "worker-test-secret-0123456789abcdef" };
const WEBHOOK_SECRET = `whsec_${randomUUID()}`;

let database: TestDatabase;
let owner: DatabaseClient;
let app: DatabaseClient;
let smtp: LoopbackSmtp;
let gateway: LoopbackHttp;
let hooks: LoopbackHttp;
let worker: Worker;
let closeProviders: () => void;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  app = createClient(database.appUrl, { max: 10 });
  smtp = await startLoopbackSmtp();
  gateway = await startLoopbackHttp();
  hooks = await startLoopbackHttp();
  const logger = pino({ level: "silent" });
  const messaging = createMessageProviders(
    {
      smtpUrl: smtp.url,
      mailFrom: "Bakery <news@bakery.test>",
      smsHttpUrl: `${gateway.url}/sms`,
      smsHttpToken: "gateway-token",
    },
    logger,
  );
  closeProviders = messaging.close;
  worker = await startWorker({
    appUrl: database.appUrl,
    db: app.db,
    logger,
    connectors: {},
    publishPollMs: 60_000,
    automation: {
      providers: messaging.providers,
      executor: { unsubscribe, providerNames: messaging.names },
      journeyPollMs: 100,
      messagePollMs: 100,
      journeyOptions: { clock },
      messageOptions: { clock },
    },
  });
});

afterAll(async () => {
  await worker?.stop();
  closeProviders?.();
  await smtp?.close();
  await gateway?.close();
  await hooks?.close();
  await app?.close();
  await owner?.close();
  await database?.drop();
});

describe("journey worker", () => {
  it("delivers the right messages to the right contacts at the right times", async () => {
    const account = await createAccount(owner.sql);
    const connectorId = randomUUID();
    await owner.sql`
      insert into connectors (id, account_id, kind, name, config, secret)
      values (${connectorId}, ${account}, 'webhook', 'CRM', ${owner.sql.json({ url: `${hooks.url}/crm`, headers: {} })}, ${WEBHOOK_SECRET})`;
    const [paris, newYork] = await createContacts(owner.sql, account, [
      {
        email: "amelie@example.test",
        firstName: "Amélie",
        phone: "+33600000001",
        timeZone: "Europe/Paris",
        attributes: { plan: "pro" },
      },
      {
        email: "nina@example.test",
        firstName: "Nina",
        phone: "+12125550100",
        timeZone: "America/New_York",
        attributes: { plan: "free" },
      },
    ]);
    const journey = await createJourney(owner.sql, account, {
      nodes: [
        { id: "start", kind: "trigger", trigger: { type: "manual" } },
        {
          id: "welcome",
          kind: "action",
          action: {
            type: "send_email",
            subject: "Welcome, {{first_name}}",
            body: "Fresh bread every morning.",
          },
        },
        { id: "nine", kind: "wait", wait: { type: "until_time", time: "09:00" } },
        { id: "isPro", kind: "condition", check: { kind: "attribute", key: "plan", op: "eq", value: "pro" } },
        {
          id: "tip",
          kind: "action",
          action: { type: "send_sms", text: "Pro tip for {{first_name}}: order by 8." },
        },
        { id: "crm", kind: "action", action: { type: "call_webhook", connectorId } },
        {
          id: "upsell",
          kind: "action",
          action: { type: "send_email", subject: "Go pro, {{first_name}}", body: "Pro bakers save 20%." },
        },
        { id: "end", kind: "exit" },
      ],
      edges: [
        { id: "1", source: "start", target: "welcome" },
        { id: "2", source: "welcome", target: "nine" },
        { id: "3", source: "nine", target: "isPro" },
        { id: "4", source: "isPro", target: "tip", sourceHandle: "yes" },
        { id: "5", source: "tip", target: "crm" },
        { id: "6", source: "crm", target: "end" },
        { id: "7", source: "isPro", target: "upsell", sourceHandle: "no" },
        { id: "8", source: "upsell", target: "end" },
      ],
    });
    const ids = await enrol(owner.sql, account, journey, [paris!, newYork!], T0);

    // Now: a welcome each, nothing else.
    await eventually(
      () => smtp.mails.length,
      (n) => n >= 2,
    );
    const welcomes = await Promise.all(smtp.mails.map(parseMail));
    expect(welcomes.map((m) => `${m.to} ${m.subject}`).sort()).toEqual([
      "amelie@example.test Welcome, Amélie",
      "nina@example.test Welcome, Nina",
    ]);
    const amelie = welcomes.find((m) => m.to === "amelie@example.test")!;
    const [message] = await owner.sql<{ id: string }[]>`
      select id from message_queue where contact_id = ${paris!} and node_id = 'welcome'`;
    expect(amelie.messageId).toBe(`<${message!.id}@bakery.test>`);
    expect(amelie.from).toBe("news@bakery.test");
    const link = unsubscribeLink({ ...unsubscribe, accountId: account, contactId: paris!, channel: "email" });
    expect(amelie.text).toContain(link);
    expect(amelie.listUnsubscribe).toBe(`<${link}>`);
    expect(amelie.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
    await eventually(
      () =>
        owner.sql<{ status: string }[]>`select status from journey_executions where id in ${owner.sql(ids)}`,
      (rows) => rows.every((r) => r.status === "waiting"),
    );

    // 09:00 in New York (14:00 UTC): Nina's upsell; Paris's 09:00 is tomorrow.
    now = new Date("2031-03-03T14:00:00Z");
    await eventually(
      () => smtp.mails.length,
      (n) => n >= 3,
    );
    expect((await parseMail(smtp.mails[2]!)).subject).toBe("Go pro, Nina");
    expect(gateway.requests).toEqual([]);

    // 09:00 in Paris (08:00 UTC next day): Amélie's SMS and the CRM webhook.
    now = new Date("2031-03-04T08:00:00Z");
    await eventually(
      () => gateway.requests.length + hooks.requests.length,
      (n) => n >= 2,
    );
    const sms = gateway.requests[0]!;
    expect(sms.path).toBe("/sms");
    expect(sms.headers.authorization).toBe("Bearer gateway-token");
    const smsBody = JSON.parse(sms.body) as { id: string; to: string; text: string };
    expect(smsBody.to).toBe("+33600000001");
    expect(smsBody.text).toContain("Pro tip for Amélie: order by 8.");
    expect(sms.headers["idempotency-key"]).toBe(smsBody.id);
    const hook = hooks.requests[0]!;
    const payload = JSON.parse(hook.body) as { id: string; contact: { id: string }; journeyId: string };
    expect(payload).toMatchObject({ contact: { id: paris }, journeyId: journey.journeyId });
    expect(hook.headers["idempotency-key"]).toBe(payload.id);
    const timestamp = hook.headers["x-markettina-timestamp"] as string;
    expect(hook.headers["x-markettina-signature"]).toBe(signWebhook(WEBHOOK_SECRET, timestamp, hook.body));

    await eventually(
      () =>
        owner.sql<{ status: string }[]>`select status from journey_executions where id in ${owner.sql(ids)}`,
      (rows) => rows.every((r) => r.status === "completed"),
    );
    await eventually(
      () => owner.sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from message_queue where journey_id = ${journey.journeyId} group by status`,
      (rows) => rows.length === 1 && rows[0]!.status === "sent" && rows[0]!.n === 4,
    );
    // Exactly what was meant, nothing more.
    expect(smtp.mails).toHaveLength(3);
    expect(gateway.requests).toHaveLength(1);
    expect(hooks.requests).toHaveLength(1);
    // Through jobs that name batches of executions: every one of them completed.
    const stepJobs = await owner.sql<{ state: string; n: number }[]>`
      select state, count(*)::int as n from pgboss.job where name = 'automation.journey-steps' group by state`;
    expect(stepJobs.map((r) => r.state)).toEqual(["completed"]);
  });
});
