// A workflow end to end through the real worker: an http_request step to a loopback server (with
// the step's Idempotency-Key), a wait, an approval decided by a person, then a last step — jobs on
// pg-boss, the sweeper and the engine against real PostgreSQL. Also: a host outside the allowed
// list fails the step without calling anyone, a send_email step goes out over SMTP with a
// Message-ID made from its idempotency key, a journey's "start workflow" action starts an
// instance (once), and the schedules' round starts a due schedule.
import { randomUUID } from "node:crypto";
import { createClient, type DatabaseClient, type TenantScope, withTenant } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import {
  createWorkflowSchedule,
  decideApproval,
  type OperationContext,
  runDueSchedules,
  startWorkflow,
} from "@markettina/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createContacts,
  createJourney,
  enrol,
} from "../../../packages/domain/test/support/journey-fixtures.ts";
import { startWorker, type Worker } from "../src/jobs/worker.ts";
import { createMessageProviders } from "../src/messaging/message-providers.ts";
import { emailStep, workflowMessageId } from "../src/workflow/email-step.ts";
import { httpStep } from "../src/workflow/http-step.ts";
import {
  eventually,
  type LoopbackHttp,
  type LoopbackSmtp,
  parseMail,
  startLoopbackHttp,
  startLoopbackSmtp,
} from "./support/journey-loopback.ts";

let database: TestDatabase;
let owner: DatabaseClient;
let app: DatabaseClient;
let http: LoopbackHttp;
let smtp: LoopbackSmtp;
let worker: Worker;
let closeProviders: () => void;
const account = randomUUID();
const user = randomUUID();
const scope: TenantScope = { accountId: account, accountIds: [account], userId: user, apiKeyId: null };

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  app = createClient(database.appUrl, { max: 10 });
  http = await startLoopbackHttp();
  smtp = await startLoopbackSmtp();
  await owner.sql`insert into users (id, email, name) values (${user}, 'approver@example.test', 'Approver')`;
  await owner.sql`insert into accounts (id, name, slug) values (${account}, 'Flow Works', 'flow-works')`;
  await owner.sql`insert into memberships (id, account_id, user_id, role) values (${randomUUID()}, ${account}, ${user}, 'owner')`;
  const logger = pino({ level: "silent" });
  const messaging = createMessageProviders(
    { smtpUrl: smtp.url, mailFrom: "Flow Works <flows@works.test>", smsHttpUrl: null, smsHttpToken: null },
    logger,
  );
  closeProviders = messaging.close;
  worker = await startWorker({
    appUrl: database.appUrl,
    db: app.db,
    logger,
    connectors: {},
    publishPollMs: 60_000,
    // Journeys too: their "start workflow" action goes through this worker's engine.
    automation: {
      providers: messaging.providers,
      executor: { providerNames: messaging.names },
      journeyPollMs: 100,
      messagePollMs: 100,
    },
    workflows: {
      external: {
        http: httpStep({ allowedHosts: ["api.partner.test"], allowLoopback: true }),
        email: emailStep(messaging.providers.email!),
      },
      pollMs: 200,
      retentionDays: 30,
    },
  });
});

afterAll(async () => {
  await worker?.stop();
  closeProviders?.();
  await smtp?.close();
  await http?.close();
  await app?.close();
  await owner?.close();
  await database?.drop();
});

/** An operation as the account's owner (a person: the approval needs one). */
const asOwner = <T>(op: (ctx: OperationContext) => Promise<T>) =>
  withTenant(app.db, scope, (tx) =>
    op({
      tx,
      actor: { userId: user, apiKeyId: null, requestId: randomUUID(), ip: null, userAgent: null },
      accountId: account,
      role: "owner",
      scopes: null,
      scope,
    }),
  );

const define = async (name: string, definition: unknown) => {
  const id = randomUUID();
  await owner.sql`
    insert into workflow_definitions (id, account_id, name, version, definition, status, activated_at)
    values (${id}, ${account}, ${name}, 1, ${owner.sql.json(definition as never)}, 'active', now())`;
  return id;
};

const instanceRow = async (id: string) =>
  (
    await owner.sql<{ status: string; result: unknown; error: unknown }[]>`
      select status, result, error from workflow_instances where id = ${id}`
  )[0]!;

const stepRows = (id: string) =>
  owner.sql<{ step_id: string; status: string; waiting_for: string | null; result: unknown }[]>`
    select step_id, status, waiting_for, result from workflow_steps where instance_id = ${id} order by execution_order`;

describe("the workflow worker", () => {
  it("runs an HTTP call, a wait and an approval to completion", { timeout: 60_000 }, async () => {
    const definitionId = await define("Order review", {
      steps: [
        {
          id: "notify",
          type: "http_request",
          parameters: { method: "POST", url: `${http.url}/orders`, body: { order: "{{input.order}}" } },
          timeoutSeconds: 10,
        },
        { id: "pause", type: "wait", parameters: { duration: { seconds: 1 } }, dependsOn: ["notify"] },
        { id: "review", type: "approval", parameters: { prompt: "Ship it?" }, dependsOn: ["pause"] },
        {
          id: "done",
          type: "set_variable",
          parameters: { name: "shipped", value: "yes" },
          dependsOn: ["review"],
        },
      ],
    });
    const { instance } = await asOwner((ctx) =>
      startWorkflow(ctx, { definitionId, input: { order: "A-17" } }, worker.workflows!.engine),
    );

    // The call went out once, with the step's idempotency key and its filled-in body.
    await eventually(
      () => http.requests.filter((r) => r.path === "/orders").length,
      (n) => n === 1,
    );
    const [call] = http.requests.filter((r) => r.path === "/orders");
    expect(call!.headers["idempotency-key"]).toBe(`${instance.id}:notify`);
    expect(JSON.parse(call!.body)).toEqual({ order: "A-17" });

    // After the wait, the approval waits for a person.
    await eventually(
      () => stepRows(instance.id),
      (steps) => steps.some((s) => s.step_id === "review" && s.waiting_for === "approval"),
    );
    expect((await instanceRow(instance.id)).status).toBe("running");

    await asOwner((ctx) =>
      decideApproval(
        ctx,
        { instanceId: instance.id, stepId: "review", decision: "approve", comment: "Go" },
        worker.workflows!.engine,
      ),
    );
    const done = await eventually(
      () => instanceRow(instance.id),
      (row) => row.status === "completed",
    );
    expect(done.result).toMatchObject({ shipped: "yes" });
    const steps = await stepRows(instance.id);
    expect(steps.map((s) => [s.step_id, s.status])).toEqual([
      ["notify", "completed"],
      ["pause", "completed"],
      ["review", "completed"],
      ["done", "completed"],
    ]);
    expect(steps[0]!.result).toMatchObject({ status: 200, body: { id: expect.any(String) } });
  });

  it("fails a call to a host that is not allowed, without calling it", { timeout: 30_000 }, async () => {
    const definitionId = await define("Leaky", {
      steps: [{ id: "leak", type: "http_request", parameters: { url: "https://evil.example/steal" } }],
    });
    const { instance } = await asOwner((ctx) =>
      startWorkflow(ctx, { definitionId }, worker.workflows!.engine),
    );
    const failed = await eventually(
      () => instanceRow(instance.id),
      (row) => row.status === "failed",
    );
    expect(JSON.stringify(failed.error)).toContain("not among the allowed hosts");
  });

  it("sends an e-mail step over SMTP once, with a Message-ID made from its key", {
    timeout: 30_000,
  }, async () => {
    const definitionId = await define("Welcome mail", {
      steps: [
        {
          id: "mail",
          type: "send_email",
          parameters: { to: "{{input.to}}", subject: "Welcome", text: "Hello from the workflow." },
        },
      ],
    });
    const { instance } = await asOwner((ctx) =>
      startWorkflow(
        ctx,
        { definitionId, input: { to: "new.customer@example.test" } },
        worker.workflows!.engine,
      ),
    );
    await eventually(
      () => instanceRow(instance.id),
      (row) => row.status === "completed",
    );
    const mails = await Promise.all(smtp.mails.map(parseMail));
    const mine = mails.filter((m) => m.to === "new.customer@example.test");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      subject: "Welcome",
      messageId: `<${workflowMessageId(`${instance.id}:mail`)}@works.test>`,
    });
  });

  it("starts a workflow from a journey's start_workflow action, once per step", {
    timeout: 30_000,
  }, async () => {
    await define("Journey follow-up", {
      steps: [{ id: "ping", type: "http_request", parameters: { url: `${http.url}/follow-up` } }],
    });
    const [contact] = await createContacts(owner.sql, account, [{ email: "journey@example.test" }]);
    const journey = await createJourney(owner.sql, account, {
      nodes: [
        { id: "start", kind: "trigger", trigger: { type: "manual" } },
        { id: "flow", kind: "action", action: { type: "start_workflow", workflowKey: "Journey follow-up" } },
        { id: "end", kind: "exit" },
      ],
      edges: [
        { id: "1", source: "start", target: "flow" },
        { id: "2", source: "flow", target: "end" },
      ],
    });
    const [execution] = await enrol(owner.sql, account, journey, [contact!], new Date());
    const started = await eventually(
      () =>
        owner.sql<
          { id: string; status: string; idempotency_key: string; context: Record<string, unknown> }[]
        >`
          select id, status, idempotency_key, context from workflow_instances
           where correlation_id = ${`journey:${execution}`}`,
      (rows) => rows.length === 1 && rows[0]!.status === "completed",
    );
    expect(started[0]!.idempotency_key).toMatch(new RegExp(`^journey-step:${execution}:`));
    expect(started[0]!.context).toMatchObject({ contactId: contact, executionId: execution, nodeId: "flow" });
    await eventually(
      async () =>
        (
          await owner.sql<
            { status: string }[]
          >`select status from journey_executions where id = ${execution!}`
        )[0]!.status,
      (status) => status === "completed",
    );
    expect(http.requests.filter((r) => r.path === "/follow-up")).toHaveLength(1);
  });

  it("starts a due schedule's workflow through the schedules' round", { timeout: 30_000 }, async () => {
    const definitionId = await define("Scheduled ping", {
      steps: [{ id: "ping", type: "http_request", parameters: { url: `${http.url}/ping` } }],
    });
    const schedule = await asOwner((ctx) =>
      createWorkflowSchedule(
        ctx,
        { name: "Every minute", definitionId, cron: "* * * * *", timeZone: "Europe/Rome" },
        new Date(Date.now() - 120_000),
      ),
    );
    // The round the worker runs every minute, run now rather than waited for.
    const outcomes = await runDueSchedules(app.db, { now: new Date() }, worker.workflows!.engine);
    expect(outcomes.find((o) => o.scheduleId === schedule.id)).toMatchObject({ status: "started" });
    await eventually(
      () => http.requests.filter((r) => r.path === "/ping").length,
      (n) => n === 1,
    );
  });
});
