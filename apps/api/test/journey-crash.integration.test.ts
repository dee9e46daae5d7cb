// Crash safety: 200 contacts go through a journey with two e-mail steps in a worker PROCESS, which
// is SIGKILLed mid-run (in the middle of sends, and of the steps of the last contacts to enter); a
// second worker process takes over. Every execution completes and the SMTP
// server received exactly one message per (contact, send step): nothing lost, nothing twice.
//
// Determinism. The one window no protocol closes is between the SMTP server's 250 and the
// sender's commit of 'sent': a kill there makes the message go out again after the lease (with the
// same Message-ID). The test keeps the kill out of that window on purpose, so that any duplicate
// it sees is a real bug, not bad luck: the SMTP server pauses after 150 messages (it reads further
// messages but holds its 250), the test waits until every acknowledged message is recorded as
// sent, then kills the worker. The held messages' connections die with it, so by SMTP's rules
// they were not delivered (the server records a message only once it has acknowledged it to a live
// connection); they are still claimed ('sending') in the database, and the second worker must send
// them once their lease has run out. Everything else the first worker was doing — steps in
// flight, jobs claimed in pg-boss — is rolled back or expires and is taken over.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccount,
  createContacts,
  createJourney,
  enrol,
} from "../../../packages/domain/test/support/journey-fixtures.ts";
import { eventually, type LoopbackSmtp, parseMail, startLoopbackSmtp } from "./support/journey-loopback.ts";

const CONTACTS = 200;
const PAUSE_AFTER = 150;
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let database: TestDatabase;
let owner: DatabaseClient;
let smtp: LoopbackSmtp;
const children: ChildProcess[] = [];
const logs: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  smtp = await startLoopbackSmtp();
});

afterAll(async () => {
  for (const child of children) await kill(child);
  await smtp?.close();
  await owner?.close();
  await database?.drop();
});

/** A worker process of its own (its own process group, so the kill reaches node under pnpm). */
async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn("pnpm", ["exec", "node", "test/support/journey-worker-process.ts"], {
    cwd: apiDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CRASH_APP_URL: database.appUrl, CRASH_SMTP_URL: smtp.url },
  });
  children.push(child);
  child.stderr!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) =>
      reject(new Error(`worker exited (${code}) before it was ready:\n${logs.join("")}`)),
    );
  });
  return child;
}

/** SIGKILL to the worker's whole process group; resolves once it is gone. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
  await exited;
}

const counts = async () =>
  (
    await owner.sql<{ sent: number; executions_done: number }[]>`
      select (select count(*)::int from message_queue where status = 'sent') as sent,
             (select count(*)::int from journey_executions where status = 'completed') as executions_done`
  )[0]!;

describe("a worker killed mid-run", () => {
  it("loses nothing and sends nothing twice once another worker takes over", {
    timeout: 180_000,
  }, async () => {
    const account = await createAccount(owner.sql, "Crash Bakery");
    const contactIds = await createContacts(
      owner.sql,
      account,
      Array.from({ length: CONTACTS }, (_, i) => ({ email: `crash-${i}@example.test`, firstName: `C${i}` })),
    );
    const journey = await createJourney(owner.sql, account, {
      nodes: [
        { id: "start", kind: "trigger", trigger: { type: "manual" } },
        {
          id: "first",
          kind: "action",
          action: { type: "send_email", subject: "First, {{first_name}}", body: "One." },
        },
        { id: "yield", kind: "wait", wait: { type: "duration", duration: { amount: 0, unit: "minutes" } } },
        {
          id: "second",
          kind: "action",
          action: { type: "send_email", subject: "Second, {{first_name}}", body: "Two." },
        },
        { id: "end", kind: "exit" },
      ],
      edges: [
        { id: "1", source: "start", target: "first" },
        { id: "2", source: "first", target: "yield" },
        { id: "3", source: "yield", target: "second" },
        { id: "4", source: "second", target: "end" },
      ],
    });
    smtp.pauseAfter(PAUSE_AFTER);
    // Three quarters enter now; the last quarter just before the kill, so the killed worker is
    // also in the middle of journey steps, not only of sends.
    const firstWave = contactIds.slice(0, (CONTACTS * 3) / 4);
    await enrol(owner.sql, account, journey, firstWave, new Date());

    const first = await startWorkerProcess();
    // Mid-run: the server has acknowledged PAUSE_AFTER messages and holds the next ones.
    await eventually(
      () => ({ mails: smtp.mails.length, held: smtp.held() }),
      (s) => s.mails >= PAUSE_AFTER && s.held > 0,
      60_000,
    );
    // Every acknowledged message is recorded as sent (the sender's commits have settled)...
    await eventually(
      async () => (await counts()).sent,
      (sent) => sent === smtp.mails.length,
      20_000,
    );
    await enrol(owner.sql, account, journey, contactIds.slice(firstWave.length), new Date());
    await eventually(
      async () =>
        (
          await owner.sql<
            { n: number }[]
          >`select count(*)::int as n from journey_steps where node_id = 'start'`
        )[0]!.n,
      (started) => started > firstWave.length,
      10_000,
    );
    // ...then the worker dies, and the messages it was sending die with their connections.
    await kill(first);
    const before = await counts();
    expect(before.sent).toBe(PAUSE_AFTER);
    expect(before.executions_done).toBeLessThan(CONTACTS);
    await eventually(
      () => smtp.heldOpen(),
      (open) => open === 0,
      10_000,
    );
    expect(smtp.release().delivered).toBe(0);
    expect(smtp.mails).toHaveLength(PAUSE_AFTER);

    await startWorkerProcess();
    await eventually(counts, (c) => c.sent === 2 * CONTACTS && c.executions_done === CONTACTS, 90_000);

    // Exactly one message per (contact, send step), every Message-ID distinct.
    const mails = await Promise.all(smtp.mails.map(parseMail));
    const received = mails.map((m) => `${m.to} ${m.subject.split(",")[0]}`);
    const expected = contactIds.flatMap((_, i) => [
      `crash-${i}@example.test First`,
      `crash-${i}@example.test Second`,
    ]);
    expect(received.sort()).toEqual(expected.sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(2 * CONTACTS);
    const executions = await owner.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from journey_executions where journey_id = ${journey.journeyId} group by status`;
    expect(executions).toEqual([{ status: "completed", n: CONTACTS }]);
    const stats = await owner.sql<{ node_id: string; entered: string; completed: string; waiting: string }[]>`
      select node_id, entered, completed, waiting from journey_node_stats where journey_id = ${journey.journeyId} order by node_id`;
    expect(stats.map((s) => [s.node_id, Number(s.entered), Number(s.completed), Number(s.waiting)])).toEqual([
      ["end", CONTACTS, CONTACTS, 0],
      ["first", CONTACTS, CONTACTS, 0],
      ["second", CONTACTS, CONTACTS, 0],
      ["start", CONTACTS, CONTACTS, 0],
      ["yield", CONTACTS, CONTACTS, 0],
    ]);
  });
});
