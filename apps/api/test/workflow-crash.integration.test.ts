// Crash safety of the workflow engine: 100 instances of a workflow of four http_request steps (a
// diamond: a → b, c → d) run in a worker PROCESS, which is SIGKILLed mid-run; a second worker
// process takes over. Every instance completes, and the receiver recorded exactly one effect per
// (instance, step): nothing lost, nothing twice.
//
// The receiver records an effect in a table keyed by (instance, step) — it reads both from the
// Idempotency-Key header, `<instance>:<step>` — and counts a request whose key it has recorded
// already as a duplicate.
//
// Determinism. The one window no protocol closes is between the receiver's answer and the
// engine's commit of the step: a kill there makes the step run again after its timeout (with the
// same Idempotency-Key, so a real receiver drops it). The test keeps the kill out of that window on
// purpose, so that any duplicate it sees is a real bug: the receiver pauses after 150 effects
// (it reads further requests but neither records nor answers them), the test waits until every
// recorded effect's step is completed in the database, then kills the worker. The held requests'
// connections die with it, so they had no effect; their steps are still claimed (`running`), and
// the second worker must time them out (the sweeper, after the step's timeout) and run them again.
// Everything else the first worker was doing — jobs claimed in pg-boss, transactions in flight —
// expires or is rolled back and is taken over.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type DatabaseClient, type TenantScope, withTenant } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import { startWorkflow, systemActor } from "@markettina/domain";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workflowQueue } from "../src/jobs/workflows.ts";
import { eventually } from "./support/journey-loopback.ts";

const INSTANCES = 100;
const STEPS = ["a", "b", "c", "d"];
const PAUSE_AFTER = 150;
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let database: TestDatabase;
let owner: DatabaseClient;
let app: DatabaseClient;
let boss: PgBoss;
let receiver: Receiver;
const children: ChildProcess[] = [];
const logs: string[] = [];

interface Receiver {
  url: string;
  duplicates: number;
  recorded: number;
  pause: () => void;
  resume: () => void;
  held: () => number;
  /** Drops the held requests without an answer (their senders are gone). */
  dropHeld: () => void;
  close: () => Promise<void>;
}

/** The receiving end of the http_request steps: one effect per Idempotency-Key. */
async function startReceiver(): Promise<Receiver> {
  await owner.sql`create table crash_effects (
    instance_id uuid not null, step_id text not null, received_at timestamptz not null default now(),
    primary key (instance_id, step_id))`;
  let paused = false;
  const held: ServerResponse[] = [];
  const state = { duplicates: 0, recorded: 0 };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for await (const _ of req) {
      // The body is not needed: the key names the effect.
    }
    if (paused) {
      held.push(res);
      return;
    }
    const key = String(req.headers["idempotency-key"] ?? "");
    const [instanceId, stepId] = key.split(":");
    const inserted = await owner.sql`
      insert into crash_effects (instance_id, step_id) values (${instanceId!}, ${stepId!})
      on conflict do nothing returning 1`;
    if (inserted.length === 0) state.duplicates += 1;
    else state.recorded += 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, key }));
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get duplicates() {
      return state.duplicates;
    },
    get recorded() {
      return state.recorded;
    },
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
    },
    held: () => held.filter((r) => !r.socket?.destroyed).length,
    dropHeld: () => {
      for (const r of held.splice(0)) r.socket?.destroy();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 4 });
  app = createClient(database.appUrl, { max: 4 });
  receiver = await startReceiver();
  // The test's own pg-boss: only to write the first jobs, as a request starting workflows would.
  boss = new PgBoss({
    connectionString: database.appUrl,
    schema: "pgboss",
    migrate: false,
    createSchema: false,
    supervise: false,
    schedule: false,
  });
  await boss.start();
});

afterAll(async () => {
  for (const child of children) await kill(child);
  await boss?.stop({ graceful: false });
  await receiver?.close();
  await app?.close();
  await owner?.close();
  await database?.drop();
});

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn("pnpm", ["exec", "node", "test/support/workflow-worker-process.ts"], {
    cwd: apiDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CRASH_APP_URL: database.appUrl },
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
    await owner.sql<{ steps_done: number; instances_done: number; effects: number }[]>`
      select (select count(*)::int from workflow_steps where status = 'completed') as steps_done,
             (select count(*)::int from workflow_instances where status = 'completed') as instances_done,
             (select count(*)::int from crash_effects) as effects`
  )[0]!;

describe("a workflow worker killed mid-run", () => {
  it("loses no step and records no effect twice once another worker takes over", {
    timeout: 180_000,
  }, async () => {
    const account = randomUUID();
    const definitionId = randomUUID();
    await owner.sql`insert into accounts (id, name, slug) values (${account}, 'Crash Works', ${`crash-${account.slice(0, 8)}`})`;
    const call = (id: string, dependsOn: string[]) => ({
      id,
      type: "http_request",
      parameters: { method: "POST", url: `${receiver.url}/effect`, body: { step: id } },
      dependsOn,
      // Long enough that the live worker never times out a held request before the kill; the
      // second worker's sweeper times out the held ones after it.
      timeoutSeconds: 8,
      retry: { max: 5, initialSeconds: 0.2, multiplier: 2, maxSeconds: 2, jitter: 0.2 },
    });
    const definition = {
      steps: [call("a", []), call("b", ["a"]), call("c", ["a"]), call("d", ["b", "c"])],
    };
    await owner.sql`
      insert into workflow_definitions (id, account_id, name, version, definition, status, activated_at)
      values (${definitionId}, ${account}, 'Crash diamond', 1, ${owner.sql.json(definition)}, 'active', now())`;

    const first = await startWorkerProcess();
    // Pause the receiver once PAUSE_AFTER effects are in (checked as they arrive).
    const pauser = (async () => {
      await eventually(
        () => receiver.recorded,
        (n) => n >= PAUSE_AFTER,
        90_000,
      );
      receiver.pause();
    })();

    const scope: TenantScope = { accountId: account, accountIds: [account], userId: null, apiKeyId: null };
    const engine = { queue: workflowQueue(boss) };
    for (let i = 0; i < INSTANCES; i += 10) {
      await withTenant(app.db, scope, async (tx) => {
        const ctx = { tx, actor: systemActor, accountId: account, role: null, scopes: null, scope };
        for (let k = i; k < i + 10; k++) {
          await startWorkflow(ctx, { definitionId, input: { n: k }, idempotencyKey: `crash-${k}` }, engine);
        }
      });
    }
    await pauser;
    // Mid-run: requests are held, and every recorded effect's step has committed.
    await eventually(
      () => receiver.held(),
      (held) => held > 0,
      30_000,
    );
    await eventually(counts, (c) => c.steps_done === receiver.recorded, 30_000);
    await kill(first);
    const before = await counts();
    expect(before.effects).toBe(receiver.recorded);
    expect(before.instances_done).toBeLessThan(INSTANCES);
    receiver.dropHeld();
    receiver.resume();

    await startWorkerProcess();
    await eventually(
      counts,
      (c) => c.instances_done === INSTANCES && c.effects === INSTANCES * STEPS.length,
      150_000,
    );

    expect(receiver.duplicates).toBe(0);
    const effects = await owner.sql<{ instance_id: string; step_id: string }[]>`
      select instance_id, step_id from crash_effects`;
    const instances = await owner.sql<{ id: string }[]>`select id from workflow_instances`;
    const expected = instances.flatMap((i) => STEPS.map((s) => `${i.id}:${s}`)).sort();
    expect(effects.map((e) => `${e.instance_id}:${e.step_id}`).sort()).toEqual(expected);
    const statuses = await owner.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from workflow_instances group by status`;
    expect(statuses).toEqual([{ status: "completed", n: INSTANCES }]);
    // Each step completed exactly once, whatever its attempts.
    const steps = await owner.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from workflow_steps group by status`;
    expect(steps).toEqual([{ status: "completed", n: INSTANCES * STEPS.length }]);
    const completedAttempts = await owner.sql<{ n: number }[]>`
      select count(*)::int as n from step_executions where status = 'completed'`;
    expect(completedAttempts[0]!.n).toBe(INSTANCES * STEPS.length);
  });
});
