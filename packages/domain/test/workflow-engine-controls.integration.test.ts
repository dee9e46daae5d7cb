// What people do to running workflows, on real PostgreSQL with an injected clock and the memory
// job queue: start (active definitions only, once per idempotency key), cancel (no new step
// starts), retry from a step, approve or reject an approval step, and the optimistic version
// check on cancel and retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancelWorkflow,
  decideApproval,
  type OperationContext,
  retryWorkflow,
  runWorkflowStep,
  type StepOutcome,
  startWorkflow,
  type WorkflowEngineDeps,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";
import {
  createWorkflowAccount,
  drainQueue,
  insertDefinition,
  memoryQueue,
} from "./support/workflow-fixtures.ts";

let h: DomainHarness;
let who: { accountId: string; userId: string; role: "owner" };
const T0 = new Date("2031-06-02T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  h = await startDomainHarness({ app: 6 });
  const account = await createWorkflowAccount(h.owner, "Workflow Controls");
  who = { ...account, role: "owner" };
});
afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>) => h.run(who, op);
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { errors?: { code: string }[] }) => error.errors?.[0]?.code ?? String(error),
  );

function engine(answers: StepOutcome[] = []) {
  const queue = memoryQueue();
  const calls: string[] = [];
  const deps: WorkflowEngineDeps = {
    queue,
    clock: () => T0,
    external: {
      http: async (run) => {
        calls.push(run.stepId);
        return answers.shift() ?? { status: "completed", output: { ok: true } };
      },
    },
  };
  return { queue, deps, calls };
}

const start = async (
  definition: unknown,
  deps: WorkflowEngineDeps,
  options: { idempotencyKey?: string } = {},
) => {
  const definitionId = await insertDefinition(h.owner, who.accountId, definition);
  return (await as((ctx) => startWorkflow(ctx, { definitionId, ...options }, deps))).instance;
};
const stepsOf = (instanceId: string) =>
  h.owner<{ step_id: string; status: string; attempts: number; waiting_for: string | null }[]>`
    select step_id, status, attempts, waiting_for from workflow_steps where instance_id = ${instanceId} order by execution_order`;
const statusOf = async (id: string) =>
  (await h.owner<{ status: string }[]>`select status from workflow_instances where id = ${id}`)[0]!.status;
const executionsOf = (instanceId: string, stepId: string) =>
  h.owner<{ attempt: number; status: string }[]>`
    select e.attempt, e.status from step_executions e join workflow_steps s on s.id = e.step_row_id
     where s.instance_id = ${instanceId} and s.step_id = ${stepId} order by e.attempt`;

const waitThenSet = {
  steps: [
    { id: "pause", type: "wait", parameters: { duration: { seconds: 60 } } },
    {
      id: "after",
      type: "set_variable",
      parameters: { name: "done", value: { v: true } },
      dependsOn: ["pause"],
    },
  ],
};
const approvalFlow = {
  steps: [
    { id: "approve", type: "approval", parameters: { prompt: "Send the spring campaign?" } },
    {
      id: "send",
      type: "set_variable",
      parameters: { name: "sent", value: { v: true } },
      dependsOn: ["approve"],
    },
  ],
};

describe("starting", () => {
  it("starts only active definitions", async () => {
    const { deps } = engine();
    for (const status of ["draft", "deprecated", "archived"] as const) {
      const definitionId = await insertDefinition(h.owner, who.accountId, waitThenSet, { status });
      expect(await codeOf(as((ctx) => startWorkflow(ctx, { definitionId }, deps)))).toBe(
        "INVALID_TRANSITION",
      );
    }
  });

  it("gives back the same instance for the same idempotency key", async () => {
    const { queue, deps } = engine();
    const definitionId = await insertDefinition(h.owner, who.accountId, waitThenSet, { name: "Keyed" });
    const first = await as((ctx) => startWorkflow(ctx, { name: "Keyed", idempotencyKey: "order-77" }, deps));
    const again = await as((ctx) => startWorkflow(ctx, { definitionId, idempotencyKey: "order-77" }, deps));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, instance: { id: first.instance.id } });
    expect(queue.jobs).toHaveLength(1);
  });
});

describe("cancel", () => {
  it("cancels a waiting workflow: the wait ends nowhere and no further step starts", async () => {
    const { queue, deps } = engine();
    const instance = await start(waitThenSet, deps);
    await drainQueue(h.db, queue, deps, T0);
    expect((await stepsOf(instance.id))[0]).toMatchObject({ status: "running", waiting_for: "time" });

    const cancelled = await as((ctx) =>
      cancelWorkflow(ctx, { id: instance.id, version: null, reason: "Not needed" }, deps),
    );
    expect(cancelled).toMatchObject({ status: "cancelled", error: { message: "Not needed" } });
    expect(cancelled.completedAt).not.toBeNull();

    expect(await drainQueue(h.db, queue, deps, at(120_000))).toMatchObject([
      { status: "ignored", reason: "stale" },
    ]);
    expect((await stepsOf(instance.id)).map((s) => s.status)).toEqual(["cancelled", "cancelled"]);
    expect(await executionsOf(instance.id, "after")).toEqual([]);
    expect(await codeOf(as((ctx) => cancelWorkflow(ctx, { id: instance.id }, deps)))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("cancels before the first job runs: its step never starts", async () => {
    const { queue, deps, calls } = engine();
    const instance = await start(
      { steps: [{ id: "call", type: "http_request", parameters: { url: "http://127.0.0.1:9/x" } }] },
      deps,
    );
    await as((ctx) => cancelWorkflow(ctx, { id: instance.id }, deps));
    await drainQueue(h.db, queue, deps, T0);
    expect(calls).toEqual([]);
    expect((await stepsOf(instance.id)).map((s) => [s.status, s.attempts])).toEqual([["cancelled", 0]]);
  });

  it("lets a step that was running finish, but releases nothing after it", async () => {
    let release: (outcome: StepOutcome) => void = () => {};
    let called = false;
    const queue = memoryQueue();
    const deps: WorkflowEngineDeps = {
      queue,
      clock: () => T0,
      external: {
        http: () => {
          called = true;
          return new Promise<StepOutcome>((resolve) => (release = resolve));
        },
      },
    };
    const instance = await start(
      {
        steps: [
          { id: "call", type: "http_request", parameters: { url: "http://127.0.0.1:9/x" } },
          { id: "next", type: "transform", parameters: { expression: "1" }, dependsOn: ["call"] },
        ],
      },
      deps,
    );
    const job = queue.pending()[0]!;
    job.ran = true;
    const running = runWorkflowStep(h.db, { ...job, now: T0 }, deps);
    while (!called) await new Promise((resolve) => setTimeout(resolve, 5));
    await as((ctx) => cancelWorkflow(ctx, { id: instance.id }, deps));
    release({ status: "completed", output: { sent: true } });
    expect(await running).toMatchObject({ status: "completed", instanceStatus: "cancelled" });
    expect(queue.pending()).toEqual([]);
    expect((await stepsOf(instance.id)).map((s) => s.status)).toEqual(["completed", "cancelled"]);
    expect(await statusOf(instance.id)).toBe("cancelled");
  });

  it("refuses a stale version (optimistic lock)", async () => {
    const { queue, deps } = engine();
    const instance = await start(waitThenSet, deps);
    await drainQueue(h.db, queue, deps, T0); // moves the version on
    expect(
      await codeOf(as((ctx) => cancelWorkflow(ctx, { id: instance.id, version: instance.version }, deps))),
    ).toBe("CONFLICT");
    const fresh = (
      await h.owner<
        { version: number }[]
      >`select version::int as version from workflow_instances where id = ${instance.id}`
    )[0]!;
    expect(
      await as((ctx) => cancelWorkflow(ctx, { id: instance.id, version: fresh.version }, deps)),
    ).toMatchObject({
      status: "cancelled",
      version: fresh.version + 1,
    });
  });
});

describe("retry from a step", () => {
  const flow = {
    steps: [
      { id: "prepare", type: "set_variable", parameters: { name: "ready", value: { v: true } } },
      {
        id: "call",
        type: "http_request",
        parameters: { url: "http://127.0.0.1:9/call" },
        dependsOn: ["prepare"],
      },
      {
        id: "finish",
        type: "set_variable",
        parameters: { name: "finished", value: { v: true } },
        dependsOn: ["call"],
      },
    ],
  };
  const refused: StepOutcome = {
    status: "failed",
    retryable: false,
    error: { message: "Down", code: "HTTP_500" },
  };

  it("runs the step and its dependants again, not the steps before it", async () => {
    const { queue, deps, calls } = engine([refused]);
    const instance = await start(flow, deps);
    await drainQueue(h.db, queue, deps, T0);
    expect(await statusOf(instance.id)).toBe("failed");
    const failed = (
      await h.owner<
        { version: number }[]
      >`select version::int as version from workflow_instances where id = ${instance.id}`
    )[0]!;

    expect(
      await codeOf(
        as((ctx) =>
          retryWorkflow(ctx, { id: instance.id, fromStepId: "call", version: failed.version - 1 }, deps),
        ),
      ),
    ).toBe("CONFLICT");
    const retried = await as((ctx) =>
      retryWorkflow(ctx, { id: instance.id, fromStepId: "call", version: failed.version }, deps),
    );
    expect(retried).toMatchObject({ status: "running", completedAt: null, error: null });
    expect(await codeOf(as((ctx) => retryWorkflow(ctx, { id: instance.id }, deps)))).toBe(
      "INVALID_TRANSITION",
    );

    await drainQueue(h.db, queue, deps, T0);
    expect(await statusOf(instance.id)).toBe("completed");
    expect(calls).toEqual(["call", "call"]);
    expect((await stepsOf(instance.id)).map((s) => [s.step_id, s.status, s.attempts])).toEqual([
      ["prepare", "completed", 1],
      ["call", "completed", 2],
      ["finish", "completed", 1],
    ]);
    expect((await executionsOf(instance.id, "call")).map((e) => e.status)).toEqual(["failed", "completed"]);
  });

  it("runs everything from the first step when retried from it", async () => {
    const { queue, deps } = engine([refused]);
    const instance = await start(flow, deps);
    await drainQueue(h.db, queue, deps, T0);
    await as((ctx) => retryWorkflow(ctx, { id: instance.id, fromStepId: "prepare" }, deps));
    await drainQueue(h.db, queue, deps, T0);
    expect((await stepsOf(instance.id)).map((s) => s.attempts)).toEqual([2, 2, 1]);
    expect(await statusOf(instance.id)).toBe("completed");
  });
});

describe("approval", () => {
  it("waits for a person; approving completes the step and the workflow goes on", async () => {
    const { queue, deps } = engine();
    const instance = await start(approvalFlow, deps);
    await drainQueue(h.db, queue, deps, at(86_400_000));
    expect((await stepsOf(instance.id))[0]).toMatchObject({ status: "running", waiting_for: "approval" });
    expect(await statusOf(instance.id)).toBe("running");

    // Only a step waiting for approval can be decided.
    const decide = (stepId: string, decision: "approve" | "reject") =>
      as((ctx) =>
        decideApproval(ctx, { instanceId: instance.id, stepId, decision, comment: "Looks good" }, deps),
      );
    expect(await codeOf(decide("send", "approve"))).toBe("INVALID_TRANSITION");

    await decide("approve", "approve");
    expect((await stepsOf(instance.id))[0]).toMatchObject({ status: "completed", waiting_for: null });
    expect(await codeOf(decide("approve", "reject"))).toBe("INVALID_TRANSITION");
    await drainQueue(h.db, queue, deps, T0);
    expect(await statusOf(instance.id)).toBe("completed");
    const [event] = await h.owner<{ actor: string; data: { decision: string } }[]>`
      select actor, data from workflow_events where instance_id = ${instance.id} and step_id = 'approve' and type = 'step_completed'`;
    expect(event).toMatchObject({ actor: `user:${who.userId}`, data: { decision: "approved" } });
  });

  it("rejecting fails the step and the workflow", async () => {
    const { queue, deps } = engine();
    const instance = await start(approvalFlow, deps);
    await drainQueue(h.db, queue, deps, T0);
    await as((ctx) =>
      decideApproval(ctx, { instanceId: instance.id, stepId: "approve", decision: "reject" }, deps),
    );
    expect((await stepsOf(instance.id)).map((s) => s.status)).toEqual(["failed", "cancelled"]);
    expect(await statusOf(instance.id)).toBe("failed");
  });

  it("refuses people without the approve permission", async () => {
    const { queue, deps } = engine();
    const instance = await start(approvalFlow, deps);
    await drainQueue(h.db, queue, deps, T0);
    const viewer = { ...who, role: "viewer" as const };
    expect(
      await codeOf(
        h.run(viewer, (ctx) =>
          decideApproval(ctx, { instanceId: instance.id, stepId: "approve", decision: "approve" }, deps),
        ),
      ),
    ).toBe("FORBIDDEN");
  });
});
