// Workflows over HTTP: a definition saved with its problems by step, fixed and activated; starts
// (the same idempotency key answers the same instance, its first steps' jobs written with it);
// the instance list and its filters; the instance detail in a number of statements that does not
// grow with its steps or with the instances listed; optimistic locking on cancel; approvals that
// are not waiting; schedules; stats; a viewer who may read but not write; and another tenant that
// sees none of it.
import { createClient, type DatabaseClient } from "@markettina/db";
import { runWorkflowStep, type WorkflowStepJob } from "@markettina/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test";
const VICTOR = "victor.viewer@northwind.test";
const SAM = "sam.owner@bluebottle.test";
const ACME = "acme-outdoor";

let h: Harness;
/** The worker's connection (markettina_app): step jobs are run with it, as the worker would. */
let app: DatabaseClient;

beforeAll(async () => {
  h = await startHarness();
  app = createClient(h.database.appUrl, { max: 2 });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const uuidOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

/**
 * Works an instance's step jobs as the worker does (runWorkflowStep), starting from those the API
 * wrote to pg-boss; the jobs the steps release are collected and run in turn, until none is left.
 */
async function workJobs(instanceId: string): Promise<void> {
  const pending: WorkflowStepJob[] = (
    await h.owner.sql<{ data: WorkflowStepJob }[]>`
      select data from pgboss.job where name = 'workflow.run-step' and data->>'instanceId' = ${uuidOf(instanceId)}`
  ).map((j) => j.data);
  const queue = {
    enqueue: async (
      _tx: unknown,
      jobs: readonly (WorkflowStepJob & { runAt?: Date; priority: number })[],
    ) => {
      for (const { runAt: _runAt, priority: _priority, ...job } of jobs) pending.push(job);
    },
  };
  for (let job = pending.shift(); job; job = pending.shift()) {
    await runWorkflowStep(app.db, { ...job, now: new Date() }, { queue });
  }
}

interface UserError {
  field: string | null;
  code: string;
}
interface Problem {
  stepId: string | null;
  field: string;
  code: string;
}
interface Definition {
  id: string;
  name: string;
  version: number;
  status: string;
}
interface Instance {
  id: string;
  status: string;
  priority: string;
  version: number;
  correlationId: string | null;
}

const DEFINITION = "id name version status";
const INSTANCE = "id status priority version correlationId";

async function mutate<T = Record<string, unknown>>(
  as: string,
  name: string,
  input: Record<string, unknown>,
  select: string,
  account = ACME,
): Promise<T & { userErrors: UserError[] }> {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const res = await h.gql<Record<string, T & { userErrors: UserError[] }>>(
    `mutation($input: ${type}Input!) { ${name}(input: $input) { ${select} userErrors { field code } } }`,
    { as, account, variables: { input } },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data![name]!;
}

async function query<T>(as: string, text: string, variables: Record<string, unknown> = {}, account = ACME) {
  const res = await h.gql<T>(text, { as, account, variables });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!;
}

/** set a → transform b → approval c (c waits for a person). */
const valid = () => ({
  variables: { greeting: "hello" },
  steps: [
    { id: "a", type: "set_variable", parameters: { name: "x", value: 1 } },
    { id: "b", type: "transform", dependsOn: ["a"], parameters: { expression: "vars.x + 1" } },
    { id: "c", type: "approval", dependsOn: ["b"], parameters: { prompt: "Ship it?" } },
  ],
});

/** `n` set_variable steps in a chain. */
const chain = (n: number) => ({
  steps: Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    type: "set_variable",
    dependsOn: i === 0 ? [] : [`s${i - 1}`],
    parameters: { name: `v${i}`, value: i },
  })),
});

async function activeDefinition(name: string, definition: unknown): Promise<Definition> {
  const created = await mutate<{ definition: Definition }>(
    OLIVIA,
    "createWorkflowDefinition",
    { name, definition },
    `definition { ${DEFINITION} }`,
  );
  expect(created.userErrors).toEqual([]);
  const active = await mutate<{ definition: Definition }>(
    OLIVIA,
    "activateWorkflowDefinition",
    { id: created.definition.id },
    `definition { ${DEFINITION} }`,
  );
  expect(active.userErrors).toEqual([]);
  return active.definition;
}

async function start(definitionId: string, extra: Record<string, unknown> = {}) {
  return mutate<{ instance: Instance | null; created: boolean }>(
    OLIVIA,
    "startWorkflow",
    { definitionId, ...extra },
    `instance { ${INSTANCE} } created`,
  );
}

describe("definitions", () => {
  it("saves a draft with its problems by step, refuses to activate it, then activates it fixed", async () => {
    const broken = {
      steps: [
        { id: "a", type: "set_variable", parameters: {} },
        { id: "b", type: "fax", dependsOn: ["a"] },
        { id: "c", type: "transform", dependsOn: ["ghost"], parameters: { expression: "1 +" } },
      ],
    };
    const created = await mutate<{ definition: Definition; problems: Problem[] }>(
      OLIVIA,
      "createWorkflowDefinition",
      { name: "Broken then fixed", description: "A draft", definition: broken },
      `definition { ${DEFINITION} description } problems { stepId field code message }`,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.definition).toMatchObject({ name: "Broken then fixed", version: 1, status: "DRAFT" });
    const byStep = created.problems.map((p) => [p.stepId, p.code]);
    expect(byStep).toContainEqual(["a", "INVALID_PARAMETERS"]);
    expect(byStep).toContainEqual(["b", "UNKNOWN_STEP_TYPE"]);
    expect(byStep).toContainEqual(["c", "UNKNOWN_DEPENDENCY"]);
    expect(byStep).toContainEqual(["c", "INVALID_EXPRESSION"]);

    const refused = await mutate<{ definition: Definition | null; problems: Problem[] }>(
      OLIVIA,
      "activateWorkflowDefinition",
      { id: created.definition.id },
      `definition { id } problems { stepId code }`,
    );
    expect(refused.definition).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toContain("INVALID_DEFINITION");
    expect(refused.problems.length).toBe(created.problems.length);

    const fixed = await mutate<{ definition: Definition; problems: Problem[] }>(
      OLIVIA,
      "updateWorkflowDefinition",
      { id: created.definition.id, definition: valid() },
      `definition { ${DEFINITION} } problems { stepId code }`,
    );
    expect(fixed.userErrors).toEqual([]);
    expect(fixed.problems).toEqual([]);
    // Read back (through the relational loader, not the mutation's own answer): still none.
    const read = await query<{ workflowDefinition: { problems: Problem[] } }>(
      OLIVIA,
      "query($id: ID!) { workflowDefinition(id: $id) { problems { stepId code } } }",
      { id: created.definition.id },
    );
    expect(read.workflowDefinition.problems).toEqual([]);

    const active = await mutate<{ definition: Definition }>(
      OLIVIA,
      "activateWorkflowDefinition",
      { id: created.definition.id },
      `definition { ${DEFINITION} activatedAt }`,
    );
    expect(active.userErrors).toEqual([]);
    expect(active.definition.status).toBe("ACTIVE");

    // An active version no longer changes: a new draft version does.
    const frozen = await mutate(
      OLIVIA,
      "updateWorkflowDefinition",
      { id: created.definition.id, description: "changed" },
      `definition { id }`,
    );
    expect(frozen.userErrors.map((e) => e.code)).toEqual(["INVALID_TRANSITION"]);
    const v2 = await mutate<{ definition: Definition }>(
      OLIVIA,
      "createWorkflowVersion",
      { id: created.definition.id },
      `definition { ${DEFINITION} }`,
    );
    expect(v2.definition).toMatchObject({ name: "Broken then fixed", version: 2, status: "DRAFT" });

    // The list holds the newest version of each name, with every version under it.
    const list = await query<{
      workflowDefinitions: {
        totalCount: number;
        nodes: (Definition & { versions: { version: number; status: string }[] })[];
      };
    }>(
      OLIVIA,
      `query($f: WorkflowDefinitionFilter) { workflowDefinitions(first: 10, filter: $f) {
         totalCount nodes { ${DEFINITION} versions { version status } } } }`,
      { f: { search: "broken then" } },
    );
    expect(list.workflowDefinitions.totalCount).toBe(1);
    expect(list.workflowDefinitions.nodes[0]).toMatchObject({
      version: 2,
      status: "DRAFT",
      versions: [
        { version: 2, status: "DRAFT" },
        { version: 1, status: "ACTIVE" },
      ],
    });
    const deleted = await mutate<{ deletedId: string }>(
      OLIVIA,
      "deleteWorkflowDefinition",
      { id: v2.definition.id },
      "deletedId",
    );
    expect(deleted).toEqual({ deletedId: v2.definition.id, userErrors: [] });
  });

  it("refuses a name that is taken", async () => {
    await activeDefinition("Taken name", valid());
    const again = await mutate(
      OLIVIA,
      "createWorkflowDefinition",
      { name: "Taken name", definition: valid() },
      "definition { id }",
    );
    expect(again.userErrors.map((e) => e.code)).toEqual(["CONFLICT"]);
  });
});

describe("instances", () => {
  let definition: Definition;
  let first: Instance;

  beforeAll(async () => {
    definition = await activeDefinition("Approvals", valid());
  });

  it("starts an instance once per idempotency key, with its first step's job", async () => {
    const started = await start(definition.id, {
      input: { greeting: "hi" },
      priority: "HIGH",
      correlationId: "order-1",
      idempotencyKey: "start-approvals-1",
    });
    expect(started.userErrors).toEqual([]);
    expect(started.created).toBe(true);
    expect(started.instance).toMatchObject({ status: "RUNNING", priority: "HIGH", correlationId: "order-1" });
    first = started.instance!;

    const again = await start(definition.id, { idempotencyKey: "start-approvals-1" });
    expect(again).toEqual({ instance: first, created: false, userErrors: [] });
    const rows = await h.owner
      .sql`select id from workflow_instances where idempotency_key = 'start-approvals-1'`;
    expect(rows).toHaveLength(1);

    // The step without dependencies has its job, written in the mutation's transaction.
    const instanceId = uuidOf(first.id);
    const jobs = await h.owner.sql<{ data: { stepRowId: string; attempt: number } }[]>`
      select data from pgboss.job where name = 'workflow.run-step' and data->>'instanceId' = ${instanceId}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data.attempt).toBe(1);
  });

  it("refuses to start a draft", async () => {
    const draft = await mutate<{ definition: Definition }>(
      OLIVIA,
      "createWorkflowDefinition",
      { name: "Still a draft", definition: valid() },
      `definition { ${DEFINITION} }`,
    );
    const refused = await start(draft.definition.id);
    expect(refused.instance).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(["INVALID_TRANSITION"]);
  });

  it("lists instances newest first and filters them", async () => {
    const other = await activeDefinition("Other flow", chain(2));
    await start(other.id, { correlationId: "order-2" });
    const low = await start(definition.id, { priority: "LOW", correlationId: "order-2" });

    type List = {
      workflowInstances: { totalCount: number; nodes: (Instance & { definition: { name: string } })[] };
    };
    const list = (filter: Record<string, unknown>) =>
      query<List>(
        OLIVIA,
        `query($f: WorkflowInstanceFilter) { workflowInstances(first: 20, filter: $f) {
           totalCount nodes { ${INSTANCE} definition { name } } } }`,
        { f: filter },
      ).then((d) => d.workflowInstances);

    const all = await list({});
    expect(all.totalCount).toBe(3);
    expect(all.nodes[0]!.id).toBe(low.instance!.id);
    expect((await list({ definitionId: definition.id })).totalCount).toBe(2);
    expect((await list({ correlationId: "order-2" })).nodes.map((n) => n.definition.name).sort()).toEqual([
      "Approvals",
      "Other flow",
    ]);
    expect((await list({ priority: "HIGH" })).nodes.map((n) => n.id)).toEqual([first.id]);
    expect((await list({ status: ["RUNNING"], priority: "LOW" })).totalCount).toBe(1);
    expect((await list({ status: ["COMPLETED", "FAILED"] })).totalCount).toBe(0);
    expect((await list({ createdAfter: new Date(Date.now() + 60_000).toISOString() })).totalCount).toBe(0);
    expect((await list({ createdBefore: new Date(Date.now() + 60_000).toISOString() })).totalCount).toBe(3);
  });

  it("reads an instance's steps, attempts, events and variables in statements that do not grow", async () => {
    const DETAIL = `query($id: ID!) { workflowInstance(id: $id) {
      ${INSTANCE} input progress parent { id } definition { name versions { version } }
      steps { stepId type status dependsOn executionOrder attempts maxAttempts
              executions { attempt status durationMs error } }
      events { version type stepId actor data occurredAt }
      variables { name type value updatedByStep }
      compensations { stepId position status } } }`;
    const detail = async (id: string) => {
      h.counter.reset();
      const data = await query<{
        workflowInstance: {
          steps: { stepId: string; status: string; executionOrder: number }[];
          events: { version: number; type: string }[];
          variables: { name: string; value: unknown }[];
        };
      }>(OLIVIA, DETAIL, { id });
      return { instance: data.workflowInstance, statements: h.counter.count };
    };

    const small = await detail(first.id);
    expect(small.instance.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["a", "PENDING"],
      ["b", "PENDING"],
      ["c", "PENDING"],
    ]);
    expect(small.instance.events[0]).toMatchObject({ version: 1, type: "instance_started" });
    expect(small.instance.variables).toContainEqual(
      expect.objectContaining({ name: "greeting", value: "hi" }),
    );

    const big = await activeDefinition("Twelve steps", chain(12));
    const bigInstance = (await start(big.id)).instance!;
    const large = await detail(bigInstance.id);
    expect(large.instance.steps).toHaveLength(12);
    expect(large.statements).toBe(small.statements);
    // The instance and everything under it: one query (the rest is the request's prologue).
    expect(h.counter.statements.filter((q) => q.includes("workflow_")).length).toBe(1);

    // A page of instances with their steps: as many statements for 1 as for all (4).
    const LIST = `query($n: Int!) { workflowInstances(first: $n) { totalCount nodes {
      ${INSTANCE} definition { name } steps { stepId status executions { attempt } } variables { name } } } }`;
    const page = async (n: number) => {
      h.counter.reset();
      const data = await query<{ workflowInstances: { nodes: unknown[] } }>(OLIVIA, LIST, { n });
      return { rows: data.workflowInstances.nodes.length, statements: h.counter.count };
    };
    const one = await page(1);
    const all = await page(20);
    expect(one.rows).toBe(1);
    expect(all.rows).toBe(4);
    expect(all.statements).toBe(one.statements);
    // The page with its nested lists, and its totalCount.
    expect(h.counter.statements.filter((q) => q.includes("workflow_")).length).toBe(2);
  });

  it("refuses an approval that is not waiting", async () => {
    const refused = await mutate<{ instance: Instance | null }>(
      OLIVIA,
      "approveStep",
      { instanceId: first.id, stepId: "c", comment: "too early" },
      "instance { id }",
    );
    expect(refused.instance).toBeNull();
    expect(["INVALID_TRANSITION", "CONFLICT"]).toContain(refused.userErrors[0]?.code);
  });

  it("approves a step waiting for a person, and the instance completes", async () => {
    const instance = (await start(definition.id, { input: { greeting: "hey" } })).instance!;
    await workJobs(instance.id);
    const STEPS = `query($id: ID!) { workflowInstance(id: $id) { status progress result
      steps { stepId status waitingFor } events { version type } } }`;
    type Detail = {
      workflowInstance: {
        status: string;
        result: Record<string, unknown> | null;
        steps: { stepId: string; status: string; waitingFor: string | null }[];
        events: { version: number; type: string }[];
      };
    };
    const waiting = (await query<Detail>(OLIVIA, STEPS, { id: instance.id })).workflowInstance;
    expect(waiting.status).toBe("RUNNING");
    expect(waiting.steps).toEqual([
      { stepId: "a", status: "COMPLETED", waitingFor: null },
      { stepId: "b", status: "COMPLETED", waitingFor: null },
      { stepId: "c", status: "RUNNING", waitingFor: "approval" },
    ]);

    // A viewer may not decide; a member of the account may.
    const refused = await mutate(
      VICTOR,
      "approveStep",
      { instanceId: instance.id, stepId: "c" },
      "instance { id }",
    );
    expect(refused.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    const approved = await mutate<{ instance: Instance }>(
      OLIVIA,
      "approveStep",
      { instanceId: instance.id, stepId: "c", comment: "Go" },
      `instance { ${INSTANCE} }`,
    );
    expect(approved.userErrors).toEqual([]);
    await workJobs(instance.id);
    const done = (await query<Detail>(OLIVIA, STEPS, { id: instance.id })).workflowInstance;
    expect(done.status).toBe("COMPLETED");
    expect(done.steps.map((s) => s.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(done.result).toMatchObject({ greeting: "hey", x: 1 });
    // Every transition is an event, versions 1, 2, 3… without gaps.
    expect(done.events.map((e) => e.version)).toEqual(done.events.map((_, i) => i + 1));

    const again = await mutate(
      OLIVIA,
      "rejectStep",
      { instanceId: instance.id, stepId: "c" },
      "instance { id }",
    );
    expect(again.userErrors.map((e) => e.code)).toEqual(["INVALID_TRANSITION"]);
  });

  it("cancels with the version read, and refuses a stale version", async () => {
    const fresh = (await start(definition.id)).instance!;
    const stale = await mutate<{ instance: Instance | null }>(
      OLIVIA,
      "cancelWorkflow",
      { id: fresh.id, version: fresh.version - 1, reason: "stale" },
      `instance { ${INSTANCE} }`,
    );
    expect(stale.instance).toBeNull();
    expect(stale.userErrors.map((e) => e.code)).toEqual(["CONFLICT"]);

    const cancelled = await mutate<{ instance: Instance }>(
      OLIVIA,
      "cancelWorkflow",
      { id: fresh.id, version: fresh.version, reason: "not needed" },
      `instance { ${INSTANCE} completedAt steps { status } }`,
    );
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.instance.status).toBe("CANCELLED");
    expect(cancelled.instance.version).toBeGreaterThan(fresh.version);
    expect(
      (cancelled.instance as unknown as { steps: { status: string }[] }).steps.every(
        (s) => s.status === "CANCELLED",
      ),
    ).toBe(true);

    // Finished (this one, and the approved one before it): they show in the statistics once
    // refreshed, per hour (summed: the two may fall either side of an hour's end).
    const refreshed = await h.gql<{ refreshWorkflowStats: { refreshedAt: string; userErrors: UserError[] } }>(
      `mutation { refreshWorkflowStats { refreshedAt userErrors { code } } }`,
      { as: OLIVIA, account: ACME },
    );
    expect(refreshed.body.data!.refreshWorkflowStats.userErrors).toEqual([]);
    type Row = { definition: { name: string }; finished: number; completed: number; cancelled: number };
    const stats = await query<{ workflowStats: Row[] }>(
      OLIVIA,
      `query($f: WorkflowStatsFilter) { workflowStats(filter: $f) {
         definition { name } hour finished completed cancelled successRate avgDurationMs } }`,
      { f: { definitionId: definition.id } },
    );
    expect(stats.workflowStats.every((r) => r.definition.name === "Approvals")).toBe(true);
    const sum = (key: "finished" | "completed" | "cancelled") =>
      stats.workflowStats.reduce((n, r) => n + r[key], 0);
    expect([sum("finished"), sum("completed"), sum("cancelled")]).toEqual([2, 1, 1]);
  });
});

describe("schedules", () => {
  it("creates, lists, disables and deletes a schedule", async () => {
    const definition = await activeDefinition("Nightly", chain(1));
    const created = await mutate<{
      schedule: { id: string; enabled: boolean; nextRunAt: string; version: number };
    }>(
      OLIVIA,
      "createWorkflowSchedule",
      { name: "Every night", definitionId: definition.id, cron: "0 2 * * *", timeZone: "Europe/Rome" },
      "schedule { id enabled nextRunAt version timeZone missedRunPolicy definition { name } }",
    );
    expect(created.userErrors).toEqual([]);
    expect(created.schedule).toMatchObject({
      enabled: true,
      timeZone: "Europe/Rome",
      missedRunPolicy: "SKIP",
    });

    const badCron = await mutate(
      OLIVIA,
      "createWorkflowSchedule",
      { name: "Bad", definitionId: definition.id, cron: "every day", timeZone: "Mars/Olympus" },
      "schedule { id }",
    );
    expect(badCron.userErrors.map((e) => e.field).sort()).toEqual(["cron", "timeZone"]);

    const disabled = await mutate<{ schedule: { enabled: boolean; nextRunAt: string | null } }>(
      OLIVIA,
      "setWorkflowScheduleEnabled",
      { id: created.schedule.id, enabled: false },
      "schedule { enabled nextRunAt }",
    );
    expect(disabled.schedule).toEqual({ enabled: false, nextRunAt: null });

    const list = await query<{ workflowSchedules: { totalCount: number; nodes: { name: string }[] } }>(
      OLIVIA,
      `{ workflowSchedules(first: 10) { totalCount nodes { name lastInstance { id } } } }`,
    );
    // Acme Outdoor also has the demo data's (disabled) weekday schedule.
    expect(list.workflowSchedules.nodes.map((n) => n.name).sort()).toEqual([
      "Every night",
      "Weekday refund review",
    ]);
    expect(list.workflowSchedules.totalCount).toBe(2);

    const deleted = await mutate<{ deletedId: string }>(
      OLIVIA,
      "deleteWorkflowSchedule",
      { id: created.schedule.id },
      "deletedId",
    );
    expect(deleted).toEqual({ deletedId: created.schedule.id, userErrors: [] });
  });
});

describe("permissions and tenants", () => {
  let definition: Definition;
  let instance: Instance;

  beforeAll(async () => {
    definition = await activeDefinition("Private flow", valid());
    instance = (await start(definition.id)).instance!;
  });

  it("lets a viewer read but not write", async () => {
    const read = await query<{ workflowInstance: { id: string } | null }>(
      VICTOR,
      `query($id: ID!) { workflowInstance(id: $id) { id } }`,
      { id: instance.id },
    );
    expect(read.workflowInstance?.id).toBe(instance.id);
    const created = await mutate(
      VICTOR,
      "createWorkflowDefinition",
      { name: "Viewer's", definition: valid() },
      "definition { id }",
    );
    expect(created.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    const started = await mutate(VICTOR, "startWorkflow", { definitionId: definition.id }, "instance { id }");
    expect(started.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    const cancelled = await mutate(VICTOR, "cancelWorkflow", { id: instance.id }, "instance { id }");
    expect(cancelled.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    const approved = await mutate(
      VICTOR,
      "approveStep",
      { instanceId: instance.id, stepId: "c" },
      "instance { id }",
    );
    expect(approved.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
  });

  it("hides another account's definitions and instances", async () => {
    const read = await query<{
      workflowDefinition: unknown;
      workflowInstance: unknown;
      node: unknown;
      workflowInstances: { totalCount: number };
      workflowDefinitions: { totalCount: number };
    }>(
      SAM,
      `query($d: ID!, $i: ID!) { workflowDefinition(id: $d) { id } workflowInstance(id: $i) { id }
         node(id: $i) { id } workflowInstances(first: 5) { totalCount } workflowDefinitions(first: 5) { totalCount } }`,
      { d: definition.id, i: instance.id },
      "blue-bottle",
    );
    expect(read).toEqual({
      workflowDefinition: null,
      workflowInstance: null,
      node: null,
      workflowInstances: { totalCount: 0 },
      workflowDefinitions: { totalCount: 0 },
    });
    const cancelled = await mutate(
      SAM,
      "cancelWorkflow",
      { id: instance.id },
      "instance { id }",
      "blue-bottle",
    );
    expect(cancelled.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    const started = await mutate(
      SAM,
      "startWorkflow",
      { definitionId: definition.id },
      "instance { id }",
      "blue-bottle",
    );
    expect(started.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });
});
