// The workflow engine on real PostgreSQL, driven by an injected clock and an in-memory job queue
// (drainQueue plays the worker): DAG ordering and parallelism, retries at their backoff times,
// timeouts, compensation in reverse completion order, and the event history (strictly increasing
// versions, no gaps, a snapshot every N events). http_request steps go through an in-process
// implementation of the external.http port whose answers the tests control.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runWorkflowStep,
  type StepOutcome,
  type StepRun,
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
const T0 = new Date("2031-05-05T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1_000;

beforeAll(async () => {
  h = await startDomainHarness({ app: 6 });
  const account = await createWorkflowAccount(h.owner);
  who = { ...account, role: "owner" };
});
afterAll(async () => {
  await h?.close();
});

/** An external.http port whose answer per call the test decides; it records every call. */
function httpPort(answer: (run: StepRun, call: number) => Promise<StepOutcome> | StepOutcome) {
  const calls: { stepId: string; url: unknown; key: string; attempt: number }[] = [];
  return {
    calls,
    http: async (run: StepRun) => {
      calls.push({
        stepId: run.stepId,
        url: run.parameters.url,
        key: run.idempotencyKey,
        attempt: run.attempt,
      });
      return answer(run, calls.length);
    },
  };
}

function engine(port?: ReturnType<typeof httpPort>, extra: Partial<WorkflowEngineDeps> = {}) {
  const queue = memoryQueue();
  const deps: WorkflowEngineDeps = {
    queue,
    clock: () => T0,
    external: port ? { http: port.http } : {},
    ...extra,
  };
  return { queue, deps };
}

const start = async (definition: unknown, deps: WorkflowEngineDeps, input: Record<string, unknown> = {}) => {
  const definitionId = await insertDefinition(h.owner, who.accountId, definition);
  const { instance } = await h.run(who, (ctx) => startWorkflow(ctx, { definitionId, input }, deps));
  return instance;
};

const stepsOf = (instanceId: string) =>
  h.owner<
    {
      id: string;
      step_id: string;
      status: string;
      attempts: number;
      execution_order: number;
      completion_order: number | null;
      next_run_at: Date | null;
      result: unknown;
    }[]
  >`select id, step_id, status, attempts, execution_order, completion_order, next_run_at, result
      from workflow_steps where instance_id = ${instanceId} order by execution_order`;
const instanceOf = async (id: string) =>
  (
    await h.owner<
      {
        status: string;
        version: number;
        progress: string;
        result: unknown;
        error: unknown;
        completed_at: Date | null;
      }[]
    >`
    select status, version::int as version, progress, result, error, completed_at from workflow_instances where id = ${id}`
  )[0]!;
const attemptsOf = (instanceId: string, stepId: string) =>
  h.owner<{ attempt: number; status: string; error: { code?: string } | null }[]>`
    select e.attempt, e.status, e.error from step_executions e join workflow_steps s on s.id = e.step_row_id
     where s.instance_id = ${instanceId} and s.step_id = ${stepId} order by e.attempt`;
const eventsOf = (instanceId: string) =>
  h.owner<{ version: number; type: string; step_id: string | null }[]>`
    select version::int as version, type, step_id from workflow_events where instance_id = ${instanceId} order by version`;

const ok = (output: unknown = { ok: true }): StepOutcome => ({ status: "completed", output });
const unavailable: StepOutcome = {
  status: "failed",
  retryable: true,
  error: { message: "503 Service Unavailable" },
};
const refused: StepOutcome = {
  status: "failed",
  retryable: false,
  error: { message: "422 Unprocessable", code: "HTTP_422" },
};
const http = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: "http_request",
  parameters: { method: "POST", url: `http://127.0.0.1:9/${id}`, body: {} },
  ...extra,
});

describe("DAG ordering and parallelism", () => {
  it("runs both branches of a diamond together and the join after both", async () => {
    const { queue, deps } = engine();
    const instance = await start(
      {
        variables: { x: 0 },
        steps: [
          {
            id: "d",
            type: "transform",
            parameters: { expression: "vars.b + vars.c" },
            dependsOn: ["b", "c"],
          },
          { id: "a", type: "set_variable", parameters: { name: "x", value: { v: 5 } } },
          {
            id: "b",
            type: "transform",
            parameters: { expression: "vars.x.v + 1" },
            dependsOn: ["a"],
            output: { b: "result" },
          },
          {
            id: "c",
            type: "transform",
            parameters: { expression: "vars.x.v * 10" },
            dependsOn: ["a"],
            output: { c: "result" },
          },
        ],
      },
      deps,
    );
    const rows = await stepsOf(instance.id);
    expect(rows.map((s) => [s.step_id, s.execution_order])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 4],
    ]);
    const id = (stepId: string) => rows.find((s) => s.step_id === stepId)!.id;

    // Only the root is runnable at first.
    expect(queue.pending().map((j) => j.stepRowId)).toEqual([id("a")]);
    const [first] = queue.pending();
    first!.ran = true;
    expect(await runWorkflowStep(h.db, { ...first!, now: T0 }, deps)).toMatchObject({
      status: "completed",
      stepId: "a",
    });

    // Both branches are released by the same completion and run side by side.
    const branches = queue.pending();
    expect(branches.map((j) => j.stepRowId).sort()).toEqual([id("b"), id("c")].sort());
    for (const j of branches) j.ran = true;
    const results = await Promise.all(branches.map((j) => runWorkflowStep(h.db, { ...j, now: T0 }, deps)));
    expect(results.map((r) => r.status)).toEqual(["completed", "completed"]);

    // The join was released exactly once, by whichever branch finished second.
    expect(queue.pending().map((j) => j.stepRowId)).toEqual([id("d")]);
    await drainQueue(h.db, queue, deps, T0);
    const after = await stepsOf(instance.id);
    expect(after.map((s) => s.status)).toEqual(["completed", "completed", "completed", "completed"]);
    expect(after.find((s) => s.step_id === "a")!.completion_order).toBe(1);
    expect(after.find((s) => s.step_id === "d")!.completion_order).toBe(4);
    expect(after.find((s) => s.step_id === "d")!.result).toBe(56);
    const done = await instanceOf(instance.id);
    expect(done).toMatchObject({ status: "completed", progress: "100.00" });
    expect(done.result).toMatchObject({ x: { v: 5 }, b: 6, c: 50 });
    expect(done.completed_at).not.toBeNull();
  });

  it("skips a step whose skip condition holds and still runs its dependants", async () => {
    const { queue, deps } = engine();
    const instance = await start(
      {
        steps: [
          {
            id: "maybe",
            type: "set_variable",
            parameters: { name: "y", value: { v: 1 } },
            skipIf: "input.skip = true",
          },
          { id: "after", type: "transform", parameters: { expression: "'done'" }, dependsOn: ["maybe"] },
        ],
      },
      deps,
      { skip: true },
    );
    await drainQueue(h.db, queue, deps, T0);
    expect((await stepsOf(instance.id)).map((s) => [s.step_id, s.status])).toEqual([
      ["maybe", "skipped"],
      ["after", "completed"],
    ]);
    expect((await instanceOf(instance.id)).status).toBe("completed");
  });
});

describe("retries", () => {
  it("retries a failing step at its backoff times, then succeeds", async () => {
    const port = httpPort((_, call) => (call <= 2 ? unavailable : ok({ id: 42 })));
    const { queue, deps } = engine(port);
    const instance = await start(
      {
        steps: [
          http("call", { retry: { max: 3, initialSeconds: 10, multiplier: 3, maxSeconds: 600, jitter: 0 } }),
        ],
      },
      deps,
    );
    const nextRunAt = async () => (await stepsOf(instance.id))[0]!.next_run_at!.getTime();

    expect(await drainQueue(h.db, queue, deps, T0)).toMatchObject([{ status: "retrying" }]);
    const first = await nextRunAt();
    expect(first - T0.getTime()).toBeGreaterThanOrEqual(10 * SECOND);
    expect(first - T0.getTime()).toBeLessThan(11 * SECOND);

    // Not due a moment before its time; a job delivered early is sent again for its time.
    expect(await drainQueue(h.db, queue, deps, at(9 * SECOND))).toEqual([]);
    const early = queue.pending()[0]!;
    early.ran = true;
    expect(await runWorkflowStep(h.db, { ...early, now: at(5 * SECOND) }, deps)).toEqual({
      status: "ignored",
      reason: "not_due",
    });
    expect(queue.pending()).toMatchObject([
      { stepRowId: early.stepRowId, attempt: 2, runAt: new Date(first) },
    ]);
    expect(await drainQueue(h.db, queue, deps, new Date(first))).toMatchObject([{ status: "retrying" }]);
    const second = await nextRunAt();
    expect(second - first).toBeGreaterThanOrEqual(30 * SECOND); // 10 s × 3
    expect(second - first).toBeLessThan(31 * SECOND);

    expect(await drainQueue(h.db, queue, deps, new Date(second))).toMatchObject([{ status: "completed" }]);
    expect((await attemptsOf(instance.id, "call")).map((a) => [a.attempt, a.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "completed"],
    ]);
    // Every attempt sent the same idempotency key.
    expect(new Set(port.calls.map((c) => c.key))).toEqual(new Set([`${instance.id}:call`]));
    expect(await instanceOf(instance.id)).toMatchObject({ status: "completed" });
  });

  it("does not retry a failure the step says is final", async () => {
    const port = httpPort(() => refused);
    const { queue, deps } = engine(port);
    const instance = await start({ steps: [http("call", { retry: { max: 3 } })] }, deps);
    await drainQueue(h.db, queue, deps, at(3_600 * SECOND));
    expect(port.calls).toHaveLength(1);
    expect(await instanceOf(instance.id)).toMatchObject({
      status: "failed",
      error: { stepId: "call", code: "HTTP_422" },
    });
  });
});

describe("timeouts", () => {
  it("marks an attempt slower than its timeout `timeout`, retries it, then fails it for good", async () => {
    // The first two calls never answer by themselves: they end when their signal aborts.
    const port = httpPort(
      (run) =>
        new Promise<StepOutcome>((resolve) =>
          run.signal.addEventListener("abort", () =>
            resolve({ status: "failed", retryable: true, error: { message: "aborted" } }),
          ),
        ),
    );
    const { queue, deps } = engine(port);
    const instance = await start(
      { steps: [http("slow", { timeoutSeconds: 1, retry: { max: 1, initialSeconds: 5, jitter: 0 } })] },
      deps,
    );
    expect(await drainQueue(h.db, queue, deps, T0)).toMatchObject([{ status: "retrying" }]);
    expect(await drainQueue(h.db, queue, deps, at(10 * SECOND))).toMatchObject([{ status: "failed" }]);
    const attempts = await attemptsOf(instance.id, "slow");
    expect(attempts.map((a) => [a.attempt, a.status, a.error?.code])).toEqual([
      [1, "timeout", "TIMEOUT"],
      [2, "timeout", "TIMEOUT"],
    ]);
    expect(await instanceOf(instance.id)).toMatchObject({ status: "failed" });
  });
});

describe("compensation", () => {
  it("undoes completed steps in reverse completion order when a later step fails for good", async () => {
    const undone: string[] = [];
    const port = httpPort((run) => {
      if (String(run.parameters.url).includes("/undo/")) {
        undone.push(run.stepId);
        return ok();
      }
      return refused;
    });
    const { queue, deps } = engine(port, { snapshotEvery: 5 });
    const undo = (id: string) => ({
      type: "http_request",
      parameters: { method: "POST", url: `http://127.0.0.1:9/undo/${id}` },
    });
    const instance = await start(
      {
        steps: [
          {
            id: "first",
            type: "set_variable",
            parameters: { name: "a", value: { v: 1 } },
            compensation: undo("first"),
          },
          {
            id: "second",
            type: "set_variable",
            parameters: { name: "b", value: { v: 2 } },
            dependsOn: ["first"],
            compensation: undo("second"),
          },
          {
            id: "plain",
            type: "set_variable",
            parameters: { name: "p", value: { v: 0 } },
            dependsOn: ["second"],
          },
          {
            id: "third",
            type: "set_variable",
            parameters: { name: "c", value: { v: 3 } },
            dependsOn: ["plain"],
            compensation: undo("third"),
          },
          { ...http("fourth"), dependsOn: ["third"] },
          {
            id: "never",
            type: "set_variable",
            parameters: { name: "n", value: { v: 0 } },
            dependsOn: ["fourth"],
          },
        ],
      },
      deps,
    );
    // Up to the failure: four steps completed, the fourth fails for good.
    for (let i = 0; i < 5; i++) {
      const job = queue.pending()[0]!;
      job.ran = true;
      await runWorkflowStep(h.db, { ...job, now: T0 }, deps);
    }
    expect((await instanceOf(instance.id)).status).toBe("compensating");
    const compensations = await h.owner<{ step_id: string; position: number; status: string }[]>`
      select step_id, position, status from workflow_compensations where instance_id = ${instance.id} order by position`;
    expect(compensations.map((c) => [c.step_id, c.position])).toEqual([
      ["third", 1],
      ["second", 2],
      ["first", 3],
    ]);

    await drainQueue(h.db, queue, deps, T0);
    expect(undone).toEqual(["third", "second", "first"]);
    expect(port.calls.filter((c) => String(c.url).includes("/undo/")).map((c) => c.key)).toEqual([
      `${instance.id}:third:compensation`,
      `${instance.id}:second:compensation`,
      `${instance.id}:first:compensation`,
    ]);
    expect((await stepsOf(instance.id)).map((s) => [s.step_id, s.status])).toEqual([
      ["first", "compensated"],
      ["second", "compensated"],
      ["plain", "completed"],
      ["third", "compensated"],
      ["fourth", "failed"],
      ["never", "cancelled"],
    ]);
    const failed = await instanceOf(instance.id);
    expect(failed).toMatchObject({ status: "failed", error: { stepId: "fourth" } });
    expect(failed.completed_at).not.toBeNull();

    // The history: strictly increasing versions without gaps, ending at the instance's version.
    const events = await eventsOf(instance.id);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)!.version).toBe(failed.version);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("instance_started");
    expect(types.indexOf("instance_compensating")).toBeGreaterThan(types.indexOf("step_failed"));
    expect(types.at(-1)).toBe("instance_failed");
    expect(events.filter((e) => e.type === "compensation_completed").map((e) => e.step_id)).toEqual([
      "third",
      "second",
      "first",
    ]);

    // A snapshot every 5 events, each the instance as it was at that version.
    const snapshots = await h.owner<
      { version: number; data: { instance: { version: number }; steps: unknown[] } }[]
    >`
      select version::int as version, data from workflow_snapshots where instance_id = ${instance.id} order by version`;
    expect(snapshots.map((s) => s.version)).toEqual(
      Array.from({ length: Math.floor(failed.version / 5) }, (_, i) => (i + 1) * 5),
    );
    for (const s of snapshots) {
      expect(s.data.instance.version).toBe(s.version);
      expect(s.data.steps).toHaveLength(6);
    }
  });

  it("also undoes a parallel step that completes while the others are being undone, first", async () => {
    let release: (outcome: StepOutcome) => void = () => {};
    const undone: string[] = [];
    const port = httpPort((run) => {
      if (String(run.parameters.url).includes("/undo/")) {
        undone.push(run.stepId);
        return ok();
      }
      if (run.stepId === "slow") return new Promise<StepOutcome>((resolve) => (release = resolve));
      return refused;
    });
    const { queue, deps } = engine(port);
    const undo = (id: string) => ({
      type: "http_request",
      parameters: { url: `http://127.0.0.1:9/undo/${id}` },
    });
    const instance = await start(
      {
        steps: [
          {
            id: "first",
            type: "set_variable",
            parameters: { name: "a", value: { v: 1 } },
            compensation: undo("first"),
          },
          { ...http("slow"), dependsOn: ["first"], compensation: undo("slow") },
          { ...http("boom"), dependsOn: ["first"] },
        ],
      },
      deps,
    );
    const next = () => {
      const job = queue.pending()[0]!;
      job.ran = true;
      return runWorkflowStep(h.db, { ...job, now: T0 }, deps);
    };
    await next(); // first
    const slow = next();
    while (!port.calls.some((c) => c.stepId === "slow"))
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await next()).toMatchObject({ stepId: "boom", status: "failed", instanceStatus: "compensating" });
    release(ok());
    expect(await slow).toMatchObject({ stepId: "slow", status: "completed", instanceStatus: "compensating" });

    await drainQueue(h.db, queue, deps, T0);
    expect(undone).toEqual(["slow", "first"]);
    expect(await instanceOf(instance.id)).toMatchObject({ status: "failed", error: { stepId: "boom" } });
  });

  it("fails at once when no completed step has a compensation", async () => {
    const port = httpPort(() => refused);
    const { queue, deps } = engine(port);
    const instance = await start(
      {
        steps: [
          { id: "set", type: "set_variable", parameters: { name: "a", value: { v: 1 } } },
          { ...http("boom"), dependsOn: ["set"] },
        ],
      },
      deps,
    );
    await drainQueue(h.db, queue, deps, T0);
    expect(await instanceOf(instance.id)).toMatchObject({ status: "failed" });
    expect(
      await h.owner`select 1 from workflow_compensations where instance_id = ${instance.id}`,
    ).toHaveLength(0);
  });
});
