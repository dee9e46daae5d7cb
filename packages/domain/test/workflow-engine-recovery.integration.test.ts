// The workflow engine when things go wrong around it, on real PostgreSQL with an injected clock:
// a worker that dies (or hangs) mid-step, a lost job, an approval nobody decides, a job delivered
// twice. The sweeper is played the way the worker runs it: app.overdue_workflow_steps finds the
// steps, handleOverdueStep handles each. Also child workflows and job priorities.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findOverdueSteps,
  handleOverdueStep,
  journeyWorkflowStarter,
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
const T0 = new Date("2031-07-07T07:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startDomainHarness({ app: 6 });
  const account = await createWorkflowAccount(h.owner, "Workflow Recovery");
  who = { ...account, role: "owner" };
});
afterAll(async () => {
  await h?.close();
});

function engine(http?: NonNullable<WorkflowEngineDeps["external"]>["http"]) {
  const queue = memoryQueue();
  const deps: WorkflowEngineDeps = { queue, clock: () => T0, external: http ? { http } : {} };
  return { queue, deps };
}
const start = async (
  definition: unknown,
  deps: WorkflowEngineDeps,
  extra: { name?: string; priority?: "low" | "critical" } = {},
) => {
  const definitionId = await insertDefinition(h.owner, who.accountId, definition, { name: extra.name });
  return (await h.run(who, (ctx) => startWorkflow(ctx, { definitionId, priority: extra.priority }, deps)))
    .instance;
};
const stepsOf = (instanceId: string) =>
  h.owner<
    { step_id: string; status: string; attempts: number; result: unknown; error: { code?: string } | null }[]
  >`
    select step_id, status, attempts, result, error from workflow_steps where instance_id = ${instanceId} order by execution_order`;
const statusOf = async (id: string) =>
  (await h.owner<{ status: string }[]>`select status from workflow_instances where id = ${id}`)[0]!.status;
const executionsOf = (instanceId: string) =>
  h.owner<{ attempt: number; status: string }[]>`
    select attempt, status from step_executions where instance_id = ${instanceId} order by attempt`;
/** What the sweeper does at `now`: every overdue step (of this instance), handled. */
const sweep = async (instanceId: string, now: Date, deps: WorkflowEngineDeps) => {
  const overdue = (await findOverdueSteps(h.db, { now })).filter((o) => o.instanceId === instanceId);
  const results = [];
  for (const o of overdue) results.push(await handleOverdueStep(h.db, { ...o, now }, deps));
  return results;
};
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("the sweeper", () => {
  it("times out an attempt whose worker hung, retries the step, and ignores the late answer", async () => {
    let release: (outcome: StepOutcome) => void = () => {};
    let calls = 0;
    const { queue, deps } = engine(async () => {
      calls += 1;
      if (calls === 1) return new Promise<StepOutcome>((resolve) => (release = resolve));
      return { status: "completed", output: { attempt: calls } };
    });
    const instance = await start(
      {
        steps: [
          {
            id: "call",
            type: "http_request",
            parameters: { url: "http://127.0.0.1:9/x" },
            retry: { max: 2, initialSeconds: 30, jitter: 0 },
          },
        ],
      },
      deps,
    );
    const job = queue.pending()[0]!;
    job.ran = true;
    const hung = runWorkflowStep(h.db, { ...job, now: T0 }, deps);
    await until(() => calls === 1);

    expect(await sweep(instance.id, at(4 * MINUTE), deps)).toEqual([]); // within timeout + grace
    expect(await sweep(instance.id, at(10 * MINUTE), deps)).toMatchObject([{ status: "retrying" }]);
    release({ status: "completed", output: { late: true } });
    expect(await hung).toEqual({ status: "ignored", reason: "stale" });

    await drainQueue(h.db, queue, deps, at(11 * MINUTE));
    expect(await executionsOf(instance.id)).toEqual([
      { attempt: 1, status: "timeout" },
      { attempt: 2, status: "completed" },
    ]);
    expect((await stepsOf(instance.id))[0]).toMatchObject({ status: "completed", result: { attempt: 2 } });
    expect(await statusOf(instance.id)).toBe("completed");
  });

  it("ends a wait whose job was lost", async () => {
    const { queue, deps } = engine();
    const instance = await start(
      {
        steps: [
          { id: "pause", type: "wait", parameters: { duration: { seconds: 60 } } },
          {
            id: "after",
            type: "transform",
            parameters: { expression: "'after the pause'" },
            dependsOn: ["pause"],
          },
        ],
      },
      deps,
    );
    await drainQueue(h.db, queue, deps, T0);
    for (const job of queue.pending()) job.ran = true; // the wait's job is lost
    expect(await sweep(instance.id, at(MINUTE + 30_000), deps)).toEqual([]); // within the grace
    expect(await sweep(instance.id, at(3 * MINUTE), deps)).toMatchObject([
      { status: "completed", stepId: "pause" },
    ]);
    await drainQueue(h.db, queue, deps, at(3 * MINUTE));
    expect((await stepsOf(instance.id)).map((s) => s.status)).toEqual(["completed", "completed"]);
    expect(await statusOf(instance.id)).toBe("completed");
  });
});

describe("approvals", () => {
  it("fails an approval nobody decided within its timeout", async () => {
    const { queue, deps } = engine();
    const instance = await start(
      {
        steps: [
          { id: "approve", type: "approval", parameters: { prompt: "Publish?", timeoutSeconds: 3_600 } },
        ],
      },
      deps,
    );
    await drainQueue(h.db, queue, deps, T0);
    expect(await drainQueue(h.db, queue, deps, at(59 * MINUTE))).toEqual([]);
    expect(await drainQueue(h.db, queue, deps, at(60 * MINUTE))).toMatchObject([
      { status: "failed", stepId: "approve" },
    ]);
    expect((await stepsOf(instance.id))[0]).toMatchObject({
      status: "failed",
      error: { code: "APPROVAL_TIMEOUT" },
    });
    expect(await statusOf(instance.id)).toBe("failed");
  });
});

describe("duplicate jobs", () => {
  it("runs a step once when its job is delivered twice at the same time", async () => {
    const { queue, deps } = engine();
    const instance = await start(
      { steps: [{ id: "t", type: "transform", parameters: { expression: "1 + 1" } }] },
      deps,
    );
    const job = queue.pending()[0]!;
    job.ran = true;
    const results = await Promise.all([0, 1].map(() => runWorkflowStep(h.db, { ...job, now: T0 }, deps)));
    expect(results.map((r) => r.status).sort()).toEqual(["completed", "ignored"]);
    expect(await executionsOf(instance.id)).toEqual([{ attempt: 1, status: "completed" }]);
    const versions = await h.owner<{ version: number }[]>`
      select version::int as version from workflow_events where instance_id = ${instance.id} order by version`;
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
  });
});

describe("child workflows and priorities", () => {
  it("completes the parent's step when its child workflow completes", async () => {
    const { queue, deps } = engine();
    await insertDefinition(
      h.owner,
      who.accountId,
      {
        steps: [
          {
            id: "double",
            type: "transform",
            parameters: { expression: "input.n * 2" },
            output: { doubled: "result" },
          },
        ],
      },
      { name: "Doubler" },
    );
    const parent = await start(
      {
        steps: [
          { id: "child", type: "start_workflow", parameters: { workflow: "Doubler", input: { n: 21 } } },
          {
            id: "use",
            type: "transform",
            parameters: { expression: "steps.child.result.doubled" },
            dependsOn: ["child"],
          },
        ],
      },
      deps,
    );
    await drainQueue(h.db, queue, deps, T0);
    const steps = await stepsOf(parent.id);
    expect(steps.map((s) => s.status)).toEqual(["completed", "completed"]);
    expect(steps[1]!.result).toBe(42);
    expect(await statusOf(parent.id)).toBe("completed");
    const [child] = await h.owner<{ status: string; parent_step_id: string }[]>`
      select status, parent_step_id from workflow_instances where parent_instance_id = ${parent.id}`;
    expect(child).toEqual({ status: "completed", parent_step_id: "child" });
  });

  it("gives every job of an instance its priority", async () => {
    const { queue, deps } = engine();
    await start(
      {
        steps: [
          { id: "a", type: "transform", parameters: { expression: "1" } },
          { id: "b", type: "transform", parameters: { expression: "2" }, dependsOn: ["a"] },
        ],
      },
      deps,
      {
        priority: "critical",
      },
    );
    await drainQueue(h.db, queue, deps, T0);
    expect(queue.jobs.map((j) => j.priority)).toEqual([3, 3]);
  });
});

describe("journeys", () => {
  it("starts the newest active version by name once per journey step", async () => {
    const { queue, deps } = engine();
    await insertDefinition(
      h.owner,
      who.accountId,
      { steps: [{ id: "t", type: "transform", parameters: { expression: "input.contactId" } }] },
      {
        name: "Onboarding",
      },
    );
    const starter = journeyWorkflowStarter(deps);
    const request = {
      accountId: who.accountId,
      workflowKey: "Onboarding",
      idempotencyKey: "journey-step:exec-1:3",
      input: { contactId: "c-1", journeyId: "j-1", executionId: "exec-1", nodeId: "n-1" },
    };
    const first = await h.run(who, (ctx) => starter.start(ctx.tx, request));
    const again = await h.run(who, (ctx) => starter.start(ctx.tx, request));
    expect(again.instanceId).toBe(first.instanceId);
    await drainQueue(h.db, queue, deps, T0);
    expect(await statusOf(first.instanceId)).toBe("completed");
    await expect(
      h.run(who, (ctx) =>
        starter.start(ctx.tx, { ...request, workflowKey: "Missing", idempotencyKey: "k2" }),
      ),
    ).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
  });
});
