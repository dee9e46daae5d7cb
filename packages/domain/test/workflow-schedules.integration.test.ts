// Workflow schedules on real PostgreSQL: cron and zone checked on save, a due run starts exactly
// one instance however often (and however concurrently) the round runs, the missed-run policies,
// disabled schedules, a refused start recorded on the schedule, retention purging only finished
// instances older than the cutoff, and the performance view refreshed and read per tenant.
//
// app.due_workflow_schedules sees every schedule of the database, so each test looks only at its
// own schedule's outcomes and instances, and uses times of its own month of 2030.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWorkflowSchedule,
  deleteWorkflowSchedule,
  type OperationContext,
  purgeWorkflowInstances,
  refreshWorkflowStats,
  runDueSchedules,
  setWorkflowScheduleEnabled,
  updateWorkflowSchedule,
  type WorkflowEngineDeps,
  type WorkflowStepJob,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const shop = randomUUID();
const rival = randomUUID();
const user = randomUUID();
const nightly = randomUUID();
const draftOnly = randomUUID();
const rivalFlow = randomUUID();
const jobs: WorkflowStepJob[] = [];
const deps: WorkflowEngineDeps = {
  queue: {
    async enqueue(_tx, batch) {
      jobs.push(...batch);
    },
  },
};
const steps = { steps: [{ id: "note", type: "set_variable", parameters: { name: "noted", value: true } }] };

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'sched@example.test', 'Scheduler')`;
  await h.owner`insert into accounts (id, name, slug) values (${shop}, 'Shop', 'shop'), (${rival}, 'Rival', 'rival')`;
  await h.owner`
    insert into workflow_definitions (id, account_id, name, version, definition, status, activated_at)
    values (${nightly}, ${shop}, 'Nightly report', 1, ${h.owner.json(steps)}, 'active', now()),
           (${draftOnly}, ${shop}, 'Unfinished', 1, ${h.owner.json(steps)}, 'draft', null),
           (${rivalFlow}, ${rival}, 'Rival report', 1, ${h.owner.json(steps)}, 'active', now())`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>, account: string = shop): Promise<T> =>
  h.run({ accountId: account, userId: user, role: "member" }, op);

const at = (iso: string) => new Date(iso);

const instancesOf = (scheduleId: string) =>
  h.owner<{ id: string; idempotency_key: string; status: string; correlation_id: string }[]>`
    select id, idempotency_key, status, correlation_id from workflow_instances
     where schedule_id = ${scheduleId} order by created_at`;

const scheduleRow = async (id: string) => {
  const [row] = await h.owner<
    {
      next_run_at: Date | null;
      last_status: string | null;
      last_error: string | null;
      last_instance_id: string | null;
      version: number;
    }[]
  >`select next_run_at, last_status, last_error, last_instance_id, version from workflow_schedules where id = ${id}`;
  return row!;
};

const daily = (name: string, extra: Record<string, unknown> = {}, now = at("2030-01-01T08:00:00Z")) =>
  as((ctx) =>
    createWorkflowSchedule(
      ctx,
      { name, definitionId: nightly, cron: "0 9 * * *", timeZone: "UTC", ...extra },
      now,
    ),
  );

describe("saving schedules", () => {
  it("refuses an invalid cron expression or time zone, naming the field", async () => {
    await expect(daily("Bad cron", { cron: "0 25 * * *" })).rejects.toMatchObject({
      errors: [{ code: "INVALID", field: "cron" }],
    });
    await expect(daily("Seconds", { cron: "0 0 9 * * *" })).rejects.toMatchObject({
      errors: [{ code: "INVALID", field: "cron" }],
    });
    await expect(daily("Bad zone", { timeZone: "Europe/Atlantis" })).rejects.toMatchObject({
      errors: [{ code: "INVALID", field: "timeZone" }],
    });
    await expect(daily("No definition", { definitionId: rivalFlow })).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND", field: "definitionId" }],
    });
  });

  it("computes the first run in the schedule's zone, and recomputes it when the timing changes", async () => {
    const s = await daily("Rome mornings", { timeZone: "Europe/Rome" }, at("2030-01-10T12:00:00Z"));
    // 09:00 in Rome in winter is 08:00 UTC.
    expect(s.nextRunAt?.toISOString()).toBe("2030-01-11T08:00:00.000Z");
    const moved = await as((ctx) =>
      updateWorkflowSchedule(
        ctx,
        { id: s.id, version: s.version, cron: "30 7 * * *" },
        at("2030-01-10T12:00:00Z"),
      ),
    );
    expect(moved.nextRunAt?.toISOString()).toBe("2030-01-11T06:30:00.000Z");
    expect(moved.version).toBe(s.version + 1);
    // A stale version is refused.
    await expect(
      as((ctx) => updateWorkflowSchedule(ctx, { id: s.id, version: s.version, name: "Renamed" })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "version" }] });
    await expect(
      as((ctx) =>
        updateWorkflowSchedule(ctx, { id: s.id, version: moved.version, timeZone: "Nowhere/Town" }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "timeZone" }] });
    await expect(daily("Rome mornings")).rejects.toMatchObject({
      errors: [{ code: "TAKEN", field: "name" }],
    });
    expect(await as((ctx) => deleteWorkflowSchedule(ctx, { id: s.id }))).toEqual({ id: s.id });
  });

  it("is not visible to, nor editable by, another tenant", async () => {
    const s = await daily("Private");
    await expect(
      as((ctx) => setWorkflowScheduleEnabled(ctx, { id: s.id, enabled: false }), rival),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND" }] });
    await expect(
      h.run({ accountId: shop, userId: user, role: "viewer" }, (ctx) =>
        deleteWorkflowSchedule(ctx, { id: s.id }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
    await as((ctx) => deleteWorkflowSchedule(ctx, { id: s.id }));
  });
});

describe("running due schedules", () => {
  it("starts exactly one instance for a due run, however often the round runs", async () => {
    const s = await daily(
      "Once",
      { input: { region: "north" }, priority: "high" },
      at("2030-02-01T08:00:00Z"),
    );
    expect(s.nextRunAt?.toISOString()).toBe("2030-02-01T09:00:00.000Z");
    const now = at("2030-02-01T09:00:20Z");
    // Two rounds at once (two workers), then a third after them.
    const rounds = await Promise.all([
      runDueSchedules(h.db, { now }, deps),
      runDueSchedules(h.db, { now }, deps),
    ]);
    rounds.push(await runDueSchedules(h.db, { now }, deps));
    const mine = rounds.flat().filter((o) => o.scheduleId === s.id);
    expect(mine.filter((o) => o.status === "started")).toHaveLength(1);
    const instances = await instancesOf(s.id);
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({
      idempotency_key: `schedule:${s.id}:2030-02-01T09:00:00.000Z`,
      correlation_id: `schedule:${s.id}`,
      status: "running",
    });
    const [started] = await h.owner<{ priority: string; context: unknown }[]>`
      select priority, context from workflow_instances where id = ${instances[0]!.id}`;
    expect(started).toMatchObject({ priority: "high", context: { region: "north" } });
    // Its first step's job was written with the instance's priority.
    expect(jobs.filter((j) => j.instanceId === instances[0]!.id)).toHaveLength(1);
    const row = await scheduleRow(s.id);
    expect(row).toMatchObject({
      last_status: "started",
      last_error: null,
      last_instance_id: instances[0]!.id,
    });
    expect(row.next_run_at?.toISOString()).toBe("2030-02-02T09:00:00.000Z");
    // The run did not bump the version people edit against.
    expect(row.version).toBe(s.version);
  });

  it("skip: missed runs start nothing; a run at most a few minutes late still starts", async () => {
    const s = await daily("Skipper", { missedRunPolicy: "skip" }, at("2030-03-01T08:00:00Z"));
    // The worker was down from before 1 March 09:00 until 4 March 12:00: four runs missed.
    const late = await runDueSchedules(h.db, { now: at("2030-03-04T12:00:00Z") }, deps);
    expect(late.find((o) => o.scheduleId === s.id)).toMatchObject({ status: "skipped", missedRuns: 4 });
    expect(await instancesOf(s.id)).toHaveLength(0);
    let row = await scheduleRow(s.id);
    expect(row.last_status).toBe("skipped");
    expect(row.last_error).toContain("4 missed runs");
    expect(row.next_run_at?.toISOString()).toBe("2030-03-05T09:00:00.000Z");

    // Two minutes late: on time enough.
    const onTime = await runDueSchedules(h.db, { now: at("2030-03-05T09:02:00Z") }, deps);
    expect(onTime.find((o) => o.scheduleId === s.id)).toMatchObject({ status: "started", missedRuns: 0 });

    // Down over two runs, back one minute after the third: the older two are skipped, the
    // latest starts.
    const back = await runDueSchedules(h.db, { now: at("2030-03-08T09:01:00Z") }, deps);
    expect(back.find((o) => o.scheduleId === s.id)).toMatchObject({
      status: "started",
      missedRuns: 2,
      runAt: at("2030-03-08T09:00:00Z"),
    });
    expect((await instancesOf(s.id)).map((i) => i.idempotency_key)).toEqual([
      `schedule:${s.id}:2030-03-05T09:00:00.000Z`,
      `schedule:${s.id}:2030-03-08T09:00:00.000Z`,
    ]);
    row = await scheduleRow(s.id);
    expect(row.next_run_at?.toISOString()).toBe("2030-03-09T09:00:00.000Z");
  });

  it("catch_up_once: one instance stands for all the missed runs", async () => {
    const s = await daily("Catcher", { missedRunPolicy: "catch_up_once" }, at("2030-04-01T08:00:00Z"));
    const outcomes = await runDueSchedules(h.db, { now: at("2030-04-04T12:00:00Z") }, deps);
    expect(outcomes.find((o) => o.scheduleId === s.id)).toMatchObject({
      status: "started",
      missedRuns: 3,
      runAt: at("2030-04-04T09:00:00Z"),
    });
    await runDueSchedules(h.db, { now: at("2030-04-04T12:00:00Z") }, deps);
    const instances = await instancesOf(s.id);
    expect(instances.map((i) => i.idempotency_key)).toEqual([`schedule:${s.id}:2030-04-04T09:00:00.000Z`]);
    expect((await scheduleRow(s.id)).next_run_at?.toISOString()).toBe("2030-04-05T09:00:00.000Z");
  });

  it("does nothing for a disabled schedule, and owes no runs when it is enabled again", async () => {
    const off = await daily("Off from the start", { enabled: false }, at("2030-05-01T08:00:00Z"));
    expect(off.nextRunAt).toBeNull();
    const s = await daily("Switched off", { missedRunPolicy: "catch_up_once" }, at("2030-05-01T08:00:00Z"));
    await as((ctx) => setWorkflowScheduleEnabled(ctx, { id: s.id, enabled: false }));
    const outcomes = await runDueSchedules(h.db, { now: at("2030-05-09T12:00:00Z") }, deps);
    expect(outcomes.filter((o) => o.scheduleId === s.id || o.scheduleId === off.id)).toEqual([]);
    expect(await instancesOf(s.id)).toHaveLength(0);
    expect(await instancesOf(off.id)).toHaveLength(0);

    const on = await as((ctx) =>
      setWorkflowScheduleEnabled(ctx, { id: s.id, enabled: true }, at("2030-05-09T12:00:00Z")),
    );
    expect(on.nextRunAt?.toISOString()).toBe("2030-05-10T09:00:00.000Z");
    const after = await runDueSchedules(h.db, { now: at("2030-05-09T12:30:00Z") }, deps);
    expect(after.filter((o) => o.scheduleId === s.id)).toEqual([]);
  });

  it("records a start the engine refuses and moves on to the next run", async () => {
    const s = await daily("Nothing active", { definitionId: draftOnly }, at("2030-06-01T08:00:00Z"));
    const outcomes = await runDueSchedules(h.db, { now: at("2030-06-01T09:00:30Z") }, deps);
    expect(outcomes.find((o) => o.scheduleId === s.id)).toMatchObject({ status: "failed", instanceId: null });
    const row = await scheduleRow(s.id);
    expect(row.last_status).toBe("failed");
    expect(row.last_error).toBeTruthy();
    expect(row.next_run_at?.toISOString()).toBe("2030-06-02T09:00:00.000Z");
    expect(await instancesOf(s.id)).toHaveLength(0);
  });
});

describe("retention and statistics", () => {
  const instance = async (
    account: string,
    definition: string,
    status: string,
    started: string,
    completed: string | null,
    parent: string | null = null,
  ) => {
    const id = randomUUID();
    await h.owner`
      insert into workflow_instances (id, account_id, definition_id, status, started_at, completed_at, parent_instance_id)
      values (${id}, ${account}, ${definition}, ${status}, ${started}, ${completed}, ${parent})`;
    return id;
  };

  it("purges only finished top-level instances older than the cutoff, with their children", async () => {
    const oldDone = await instance(
      shop,
      nightly,
      "completed",
      "2019-01-01T00:00:00Z",
      "2019-01-01T00:05:00Z",
    );
    const child = await instance(
      shop,
      nightly,
      "completed",
      "2019-01-01T00:01:00Z",
      "2019-01-01T00:02:00Z",
      oldDone,
    );
    const oldFailed = await instance(
      rival,
      rivalFlow,
      "failed",
      "2019-01-02T00:00:00Z",
      "2019-01-02T00:05:00Z",
    );
    const oldRunning = await instance(shop, nightly, "running", "2019-01-01T00:00:00Z", null);
    const recent = await instance(shop, nightly, "completed", "2019-03-01T00:00:00Z", "2019-03-01T00:05:00Z");
    await h.owner`
      insert into workflow_events (id, account_id, instance_id, version, type, actor)
      values (${randomUUID()}, ${shop}, ${oldDone}, 1, 'instance_started', 'worker')`;

    const purged = await purgeWorkflowInstances(h.db, { before: at("2019-02-01T00:00:00Z"), batch: 1 });
    expect(purged).toBe(2);
    const left = await h.owner<{ id: string }[]>`
      select id from workflow_instances where id in ${h.owner([oldDone, child, oldFailed, oldRunning, recent])}`;
    expect(left.map((r) => r.id).sort()).toEqual([oldRunning, recent].sort());
    const [events] = await h.owner<{ n: number }[]>`
      select count(*)::int as n from workflow_events where instance_id = ${oldDone}`;
    expect(events!.n).toBe(0);
  });

  it("makes finished instances visible in workflow_performance after a refresh, per tenant", async () => {
    await instance(shop, nightly, "completed", "2031-01-01T10:00:00Z", "2031-01-01T10:00:02Z");
    await instance(shop, nightly, "completed", "2031-01-01T10:10:00Z", "2031-01-01T10:10:04Z");
    await instance(shop, nightly, "failed", "2031-01-01T10:20:00Z", "2031-01-01T10:20:06Z");
    await instance(rival, rivalFlow, "completed", "2031-01-01T10:00:00Z", "2031-01-01T10:00:01Z");
    const read = (account: string) =>
      as(
        (ctx) =>
          ctx.tx.execute<{
            account_id: string;
            definition_id: string;
            finished: number;
            completed: number;
            failed: number;
          }>(
            sql`select account_id, definition_id, finished, completed, failed, success_rate
                  from app.workflow_performance() where hour = '2031-01-01T10:00:00Z'`,
          ),
        account,
      );
    expect([...(await read(shop))]).toEqual([]);
    await refreshWorkflowStats(h.db);
    const mine = [...(await read(shop))];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      account_id: shop,
      definition_id: nightly,
      finished: 3,
      completed: 2,
      failed: 1,
    });
    const theirs = [...(await read(rival))];
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ account_id: rival, definition_id: rivalFlow, finished: 1 });
  });
});
