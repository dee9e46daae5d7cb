// The job bodies the journey worker runs, with the real providers on loopback: a step's job run
// twice (at once, and again later) queues one message and the SMTP server receives it once; the
// SMS gateway's refusals and outages are told apart (failed for good / retried with backoff); a
// message whose sender died mid-send is sent again after the lease with the same Message-ID.
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import { advanceExecution, type MessageProviders, sendMessage } from "@markettina/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chain,
  createAccount,
  createContacts,
  createJourney,
  enrol,
} from "../../../packages/domain/test/support/journey-fixtures.ts";
import { createMessageProviders } from "../src/messaging/message-providers.ts";
import {
  type LoopbackHttp,
  type LoopbackSmtp,
  parseMail,
  startLoopbackHttp,
  startLoopbackSmtp,
} from "./support/journey-loopback.ts";

const T0 = new Date("2031-05-05T12:00:00Z");
let database: TestDatabase;
let owner: DatabaseClient;
let app: DatabaseClient;
let smtp: LoopbackSmtp;
let gateway: LoopbackHttp;
let providers: MessageProviders;
let closeProviders: () => void;
let account: string;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  app = createClient(database.appUrl, { max: 8 });
  smtp = await startLoopbackSmtp();
  gateway = await startLoopbackHttp();
  const messaging = createMessageProviders(
    { smtpUrl: smtp.url, mailFrom: "news@bakery.test", smsHttpUrl: gateway.url, smsHttpToken: null },
    pino({ level: "silent" }),
  );
  providers = messaging.providers;
  closeProviders = messaging.close;
  account = await createAccount(owner.sql);
});

afterAll(async () => {
  closeProviders?.();
  await smtp?.close();
  await gateway?.close();
  await app?.close();
  await owner?.close();
  await database?.drop();
});

async function oneSendJourney(
  action: Record<string, unknown>,
  seed: Parameters<typeof createContacts>[2][number] = {},
) {
  const [contact] = await createContacts(owner.sql, account, [seed]);
  const journey = await createJourney(
    owner.sql,
    account,
    chain([
      { id: "start", kind: "trigger", trigger: { type: "manual" } },
      { id: "send", kind: "action", action },
      { id: "end", kind: "exit" },
    ]),
  );
  const [executionId] = await enrol(owner.sql, account, journey, [contact!], T0);
  return { contact: contact!, journey, executionId: executionId! };
}

const messageOf = async (executionId: string) =>
  (
    await owner.sql<
      { id: string; status: string; attempts: number; last_error: string | null; scheduled_at: Date }[]
    >`
      select id, status, attempts, last_error, scheduled_at from message_queue where execution_id = ${executionId}`
  )[0]!;

describe("journey jobs with real providers", () => {
  it("queues one message and the SMTP server receives one, however often the step's job runs", async () => {
    const { executionId } = await oneSendJourney(
      { type: "send_email", subject: "Just once", body: "Hello." },
      { email: "once@example.test" },
    );
    const job = { accountId: account, executionId, seq: 0, now: T0 };
    const runs = await Promise.all([
      advanceExecution(app.db, job),
      advanceExecution(app.db, job),
      advanceExecution(app.db, job),
    ]);
    expect(runs.filter((r) => r.status === "advanced")).toHaveLength(1);
    // The journey ended in that one run (start, send, end): a later run finds it finished.
    expect(await advanceExecution(app.db, job)).toEqual({ status: "skipped", reason: "finished" });
    const rows = await owner.sql`select id from message_queue where execution_id = ${executionId}`;
    expect(rows).toHaveLength(1);

    const message = await messageOf(executionId);
    const send = { accountId: account, messageId: message.id };
    const options = { clock: () => T0 };
    const sends = await Promise.all([
      sendMessage(app.db, providers, send, options),
      sendMessage(app.db, providers, send, options),
    ]);
    expect(sends.map((s) => s.status).sort()).toEqual(["sent", "skipped"]);
    expect((await sendMessage(app.db, providers, send, options)).status).toBe("skipped");
    const received = smtp.mails.filter((m) => m.rcptTo.includes("once@example.test"));
    expect(received).toHaveLength(1);
    expect((await parseMail(received[0]!)).messageId).toBe(`<${message.id}@bakery.test>`);
  });

  it("sends again with the same Message-ID when the sender died mid-send and its lease ran out", async () => {
    const { executionId } = await oneSendJourney(
      { type: "send_email", subject: "Again", body: "Hi." },
      { email: "again@example.test" },
    );
    await advanceExecution(app.db, { accountId: account, executionId, seq: 0, now: T0 });
    const { id } = await messageOf(executionId);
    // A sender claimed it and died (claimed, never recorded).
    await owner.sql`update message_queue set status = 'sending', attempts = 1, claimed_at = ${T0} where id = ${id}`;
    const send = { accountId: account, messageId: id };
    expect(
      (
        await sendMessage(app.db, providers, send, {
          clock: () => new Date(T0.getTime() + 60_000),
          leaseSeconds: 120,
        })
      ).status,
    ).toBe("skipped");
    const later = await sendMessage(app.db, providers, send, {
      clock: () => new Date(T0.getTime() + 121_000),
      leaseSeconds: 120,
    });
    expect(later).toMatchObject({ status: "sent", attempts: 2 });
    const received = smtp.mails.filter((m) => m.rcptTo.includes("again@example.test"));
    expect(received).toHaveLength(1);
    expect((await parseMail(received[0]!)).messageId).toBe(`<${id}@bakery.test>`);
  });

  it("retries an SMS when the gateway is down, and fails it at once when the gateway refuses it", async () => {
    const sms = { type: "send_sms", text: "Bread's ready, {{first_name}}." };
    const flaky = await oneSendJourney(sms, { phone: "+447700900001", firstName: "Ann" });
    const refused = await oneSendJourney(sms, { phone: "+447700900002", firstName: "Ben" });
    for (const { executionId } of [flaky, refused])
      await advanceExecution(app.db, { accountId: account, executionId, seq: 0, now: T0 });
    const flakyMessage = await messageOf(flaky.executionId);
    const refusedMessage = await messageOf(refused.executionId);

    gateway.setStatus(503);
    const first = await sendMessage(
      app.db,
      providers,
      { accountId: account, messageId: flakyMessage.id },
      { clock: () => T0, backoffBaseMs: 30_000 },
    );
    expect(first).toMatchObject({
      status: "retrying",
      attempts: 1,
      nextAttemptAt: new Date(T0.getTime() + 30_000),
    });
    const queued = await messageOf(flaky.executionId);
    expect([queued.status, new Date(queued.scheduled_at).toISOString()]).toEqual([
      "queued",
      new Date(T0.getTime() + 30_000).toISOString(),
    ]);
    gateway.setStatus(200);
    const second = await sendMessage(
      app.db,
      providers,
      { accountId: account, messageId: flakyMessage.id },
      { clock: () => new Date(T0.getTime() + 30_000) },
    );
    expect(second).toMatchObject({
      status: "sent",
      attempts: 2,
      providerMessageId: expect.stringMatching(/^gw-/),
    });

    gateway.setStatus(400);
    const refusal = await sendMessage(
      app.db,
      providers,
      { accountId: account, messageId: refusedMessage.id },
      { clock: () => T0 },
    );
    expect(refusal).toMatchObject({ status: "failed", attempts: 1 });
    gateway.setStatus(200);
    const logs = await owner.sql<{ status: string }[]>`
      select status from delivery_logs where message_id = ${flakyMessage.id} order by created_at`;
    expect(logs.map((l) => l.status)).toEqual(["retrying", "sent"]);
    const bodies = gateway.requests.map(
      (r) => JSON.parse(r.body) as { id: string; to: string; text: string },
    );
    expect(bodies.filter((b) => b.id === flakyMessage.id)).toHaveLength(2);
    expect(bodies.find((b) => b.id === flakyMessage.id)!.text).toContain("Bread's ready, Ann.");
  });
});
