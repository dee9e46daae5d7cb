// Workflow step handlers on real PostgreSQL, called as the engine calls "transaction" handlers: as
// the system, inside the tenant transaction that finishes the step. Variables upserted with their
// JSON type; waits and approvals answer how long they wait; tokens held under the step's key
// (once), settled and released (also as a compensation, while the step is compensating); a child
// workflow started once per step; content generated and charged once; refusals as step failures.
import { randomUUID } from "node:crypto";
import { readWallet, setWalletBalance } from "@markettina/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  activateWorkflowDefinition,
  createWorkflowDefinition,
  type OperationContext,
  type StepOutcome,
  type StepRun,
  type StepType,
  startWorkflow,
  stepHandler,
  systemActor,
  type WorkflowEngineDeps,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const other = randomUUID();
const user = randomUUID();
let instanceId = "";
const now = new Date("2026-11-22T10:00:00Z");

const who = { accountId: account, userId: user, role: "member" as const };
const as = <T>(op: (ctx: OperationContext) => Promise<T>) => h.runAsMutation(who, op);

const waitStep = (id: string) => ({ id, type: "wait", parameters: { duration: { seconds: 60 } } });

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'steps@example.test', 'Step Runner')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Steps', 'steps'), (${other}, 'Others', 'others')`;
  await h.owner`update brand_dna set brand_name = 'Stepwise', mission = 'Small steps.' where account_id = ${account}`;
  for (const [name, steps] of [
    [
      "Parent",
      [
        { id: "reserve", type: "reserve_tokens", parameters: { service: "content_generation", amount: 2 } },
        waitStep("later"),
      ],
    ],
    ["Child", [waitStep("nap")]],
  ] as const) {
    const d = await as((ctx) => createWorkflowDefinition(ctx, { name, definition: { steps } }));
    await as((ctx) => activateWorkflowDefinition(ctx, { id: d.id }));
  }
  const { instance } = await as((ctx) =>
    startWorkflow(ctx, { name: "Parent", input: { who: "Ada" }, priority: "high" }),
  );
  instanceId = instance.id;
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => setWalletBalance(h.owner, account, 1_000));

const runOf = (
  type: StepType,
  stepId: string,
  parameters: Record<string, unknown>,
  steps: Record<string, unknown> = {},
): StepRun => ({
  accountId: account,
  instanceId,
  stepId,
  type,
  attempt: 1,
  parameters,
  scope: { input: { who: "Ada" }, vars: {}, steps },
  idempotencyKey: `${instanceId}:${stepId}`,
  now,
  signal: new AbortController().signal,
});

/** Runs a "transaction" handler as the engine does: the system, in the tenant's transaction, in a
 * savepoint (runInside). */
function inside(run: StepRun, deps: WorkflowEngineDeps = {}, accountId = account): Promise<StepOutcome> {
  const handler = stepHandler(run.type as StepType);
  if (handler.mode !== "transaction") throw new Error(`${run.type} is not a transaction handler`);
  return h.run({ ...who, accountId }, (ctx) =>
    ctx.tx.transaction((savepoint) =>
      handler.run(
        { ...ctx, tx: savepoint, actor: systemActor, role: null, scopes: null },
        { ...run, accountId },
        deps,
      ),
    ),
  );
}

const variables = () =>
  h.owner<{ name: string; type: string; value: unknown; updated_by_step: string | null }[]>`
    select name, type, value, updated_by_step from workflow_variables
     where instance_id = ${instanceId} and name like 'v_%' order by name`;

const reservation = async (id: string) =>
  (
    await h.owner<
      { status: string; amount: string; idempotency_key: string | null; settled_amount: string | null }[]
    >`
    select status, amount, idempotency_key, settled_amount from token_reservations where id = ${id}`
  )[0]!;

describe("set_variable", () => {
  it("writes variables with their JSON type and overwrites them", async () => {
    for (const [name, value] of [
      ["v_text", "hello"],
      ["v_number", 4.5],
      ["v_flag", false],
      ["v_list", [1, "two"]],
      ["v_object", { a: 1 }],
      ["v_nothing", null],
    ] as const) {
      expect(await inside(runOf("set_variable", "set", { name, value }))).toEqual({
        status: "completed",
        output: { name, value },
      });
    }
    await inside(runOf("set_variable", "again", { name: "v_text", value: 7 }));
    expect(await variables()).toEqual([
      { name: "v_flag", type: "boolean", value: false, updated_by_step: "set" },
      { name: "v_list", type: "array", value: [1, "two"], updated_by_step: "set" },
      { name: "v_nothing", type: "object", value: null, updated_by_step: "set" },
      { name: "v_number", type: "number", value: 4.5, updated_by_step: "set" },
      { name: "v_object", type: "object", value: { a: 1 }, updated_by_step: "set" },
      { name: "v_text", type: "number", value: 7, updated_by_step: "again" },
    ]);
  });

  it("fails for good with parameters that are not valid", async () => {
    expect(await inside(runOf("set_variable", "bad", { name: "not a name", value: 1 }))).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "INVALID_PARAMETERS" },
    });
  });
});

describe("transform, wait and approval", () => {
  it("evaluates a transform over the scope, and fails for good on a bad expression", async () => {
    const steps = { reserve: { units: 2 } };
    expect(
      await inside(
        runOf("transform", "t", { expression: "{ 'hi': input.who, 'n': steps.reserve.units * 3 }" }, steps),
      ),
    ).toEqual({
      status: "completed",
      output: { hi: "Ada", n: 6 },
    });
    expect(await inside(runOf("transform", "t", { expression: "$number('x')" }))).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "INVALID_EXPRESSION" },
    });
  });

  it("waits for a duration or until a time, and not at all for a time past", async () => {
    expect(await inside(runOf("wait", "w", { duration: { seconds: 90 } }))).toEqual({
      status: "waiting",
      waitingFor: "time",
      until: new Date("2026-11-22T10:01:30Z"),
      output: { until: "2026-11-22T10:01:30.000Z" },
    });
    expect(await inside(runOf("wait", "w", { until: "2026-12-01T09:00:00+01:00" }))).toMatchObject({
      status: "waiting",
      until: new Date("2026-12-01T08:00:00Z"),
    });
    expect(await inside(runOf("wait", "w", { until: "2026-11-01T00:00:00Z" }))).toEqual({
      status: "completed",
      output: { until: "2026-11-01T00:00:00.000Z" },
    });
    expect(await inside(runOf("wait", "w", { until: "next tuesday" }))).toMatchObject({
      status: "failed",
      error: { code: "INVALID_PARAMETERS" },
    });
  });

  it("waits for an approval, until its timeout or for ever", async () => {
    expect(await inside(runOf("approval", "ok", { prompt: "Ship it?", timeoutSeconds: 3_600 }))).toEqual({
      status: "waiting",
      waitingFor: "approval",
      until: new Date("2026-11-22T11:00:00Z"),
      output: { prompt: "Ship it?", timeoutAt: "2026-11-22T11:00:00.000Z" },
    });
    expect(await inside(runOf("approval", "ok", { prompt: "Ship it?" }))).toMatchObject({
      status: "waiting",
      until: null,
    });
  });
});

describe("token steps", () => {
  it("holds tokens once under the step's key, then settles what was used", async () => {
    const reserve = runOf("reserve_tokens", "hold", { service: "content_generation", amount: 2 });
    const first = await inside(reserve);
    expect(first).toMatchObject({
      status: "completed",
      output: { service: "content_generation", units: 2, amount: 100 },
    });
    const output = (first as { output: { reservationId: string } }).output;
    // A repeated run (a retry after the finishing transaction was lost) answers the same hold.
    expect(await inside(reserve)).toEqual(first);
    expect(await reservation(output.reservationId)).toMatchObject({
      status: "held",
      idempotency_key: `workflow:${instanceId}:hold`,
    });
    expect(await readWallet(h.owner, account)).toEqual({ balance: 1_000, reserved: 100 });

    const settle = runOf("settle_tokens", "charge", { reservationStep: "hold", amount: 1 }, { hold: output });
    expect(await inside(settle)).toMatchObject({
      status: "completed",
      output: { settledUnits: 1, settledAmount: 50 },
    });
    expect(await inside(settle)).toMatchObject({ status: "completed" });
    expect(await readWallet(h.owner, account)).toEqual({ balance: 950, reserved: 0 });

    // Released after being settled: refused, and the step fails for good.
    expect(
      await inside(runOf("release_tokens", "undo", { reservationStep: "hold" }, { hold: output })),
    ).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "CONFLICT" },
    });
  });

  it("releases a hold as the compensation of its own step, which is then compensating", async () => {
    const reserved = await inside(
      runOf("reserve_tokens", "reserve", { service: "content_generation", amount: 3 }),
    );
    const output = (reserved as { output: { reservationId: string } }).output;
    await h.owner`update workflow_steps set status = 'compensating', result = ${h.owner.json(output)}
                   where instance_id = ${instanceId} and step_id = 'reserve'`;
    // The scope holds completed steps only: the handler reads the compensating step's result.
    const release = runOf("release_tokens", "reserve", { reservationStep: "reserve" });
    expect(await inside(release)).toEqual({
      status: "completed",
      output: { reservationId: output.reservationId, releasedAmount: 150 },
    });
    expect(await inside(release)).toMatchObject({ status: "completed" });
    expect(await reservation(output.reservationId)).toMatchObject({ status: "released" });
    expect(await readWallet(h.owner, account)).toEqual({ balance: 1_000, reserved: 0 });

    // Retried from the step after that: the key's hold is closed, so a new one is taken.
    const again = await inside(
      runOf("reserve_tokens", "reserve", { service: "content_generation", amount: 3 }),
    );
    expect((again as { output: { reservationId: string } }).output.reservationId).not.toBe(
      output.reservationId,
    );
    expect(await readWallet(h.owner, account)).toEqual({ balance: 1_000, reserved: 150 });
  });

  it("fails a reservation the wallet cannot cover (retryable) and one of no service (for good)", async () => {
    await setWalletBalance(h.owner, account, 10);
    expect(
      await inside(runOf("reserve_tokens", "big", { service: "content_generation", amount: 1 })),
    ).toMatchObject({
      status: "failed",
      retryable: true,
      error: { code: "INSUFFICIENT_TOKENS" },
    });
    expect(
      await inside(runOf("reserve_tokens", "none", { service: "no_such_service", amount: 1 })),
    ).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await inside(runOf("settle_tokens", "s", { reservationStep: "never" }))).toMatchObject({
      status: "failed",
      error: { code: "NO_RESERVATION" },
    });
  });

  it("cannot reach another account's reservation", async () => {
    const reserved = await inside(
      runOf("reserve_tokens", "mine", { service: "content_generation", amount: 1 }),
    );
    const output = (reserved as { output: unknown }).output;
    const theirs = await inside(
      runOf("release_tokens", "steal", { reservationStep: "mine" }, { mine: output }),
      {},
      other,
    );
    expect(theirs).toMatchObject({ status: "failed", error: { code: "NOT_FOUND" } });
  });
});

describe("start_workflow", () => {
  it("starts the child once per step, linked to its parent, and waits for it", async () => {
    const run = runOf("start_workflow", "kid", { workflow: "Child", input: { from: "parent" } });
    const first = await inside(run);
    expect(first).toMatchObject({
      status: "waiting",
      waitingFor: "child",
      until: null,
      output: { status: "running" },
    });
    const childId = (first as { output: { instanceId: string } }).output.instanceId;
    expect(await inside(run)).toEqual(first);
    const rows =
      await h.owner`select id, parent_instance_id, parent_step_id, idempotency_key, context, priority
                                 from workflow_instances where parent_instance_id = ${instanceId}`;
    expect(rows).toEqual([
      {
        id: childId,
        parent_instance_id: instanceId,
        parent_step_id: "kid",
        idempotency_key: `workflow-child:${instanceId}:kid`,
        context: { from: "parent" },
        priority: "high",
      },
    ]);
  });

  it("fails for good when no active version has the name", async () => {
    expect(await inside(runOf("start_workflow", "ghost", { workflow: "Nobody" }))).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "NOT_FOUND" },
    });
  });
});

describe("generate_content", () => {
  it("writes drafts with the provider and charges them once", async () => {
    const run = runOf("generate_content", "write", {
      contentType: "social_post",
      prompt: "Announce the spring menu",
    });
    const first = await inside(run);
    expect(first).toMatchObject({ status: "completed", output: { tokensCharged: 50 } });
    const output = (first as { output: { generationId: string; text: string } }).output;
    expect(output.text.length).toBeGreaterThan(0);
    expect(await inside(run)).toEqual(first);
    expect(await readWallet(h.owner, account)).toEqual({ balance: 950, reserved: 0 });
    const [generation] =
      await h.owner`select status, brief from content_generations where id = ${output.generationId}`;
    expect(generation).toEqual({ status: "succeeded", brief: "Announce the spring menu" });
  });

  it("fails (retryable) when the provider fails, holding nothing", async () => {
    const failing = {
      name: "failing",
      label: "Failing",
      offline: false,
      model: "none",
      generate: async () => {
        const { GenerationProviderError } = await import("../src/index.ts");
        throw new GenerationProviderError("The model is overloaded.");
      },
    };
    const outcome = await inside(
      runOf("generate_content", "broken", { contentType: "email", prompt: "Hello" }),
      {
        external: { generationProvider: failing },
      },
    );
    expect(outcome).toMatchObject({
      status: "failed",
      retryable: true,
      error: { message: "The model is overloaded." },
    });
    expect(await readWallet(h.owner, account)).toEqual({ balance: 1_000, reserved: 0 });
  });
});
