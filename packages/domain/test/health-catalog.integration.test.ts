// The health report's catalog checks on real PostgreSQL (the index checks are in
// health-catalog-indexes), each with the database put into the state it detects and back: dead
// rows, a missing monthly partition and a row in a default partition, a stale or unpopulated
// materialized view, failed and waiting pg-boss jobs, a sequence near its end; and every collector
// answering while relations are locked exclusively. Fixtures are made by the owner; the collectors
// run as the application role, as the report does.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { collectForeignKeysWithoutIndex, collectIndexes } from "../src/health/indexes.ts";
import { collectMaterializedViews, materializedViewCheck } from "../src/health/materialized-views.ts";
import { collectPartitions, partitionCheck } from "../src/health/partitions.ts";
import { collectQueues, queueChecks } from "../src/health/queues.ts";
import { collectSequences, sequenceCheck } from "../src/health/sequences.ts";
import { collectTables, tableChecks } from "../src/health/tables.ts";
import { DEFAULT_HEALTH_THRESHOLDS } from "../src/health/thresholds.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";
import { check, ownerFlushing, SETTLE } from "./support/health-catalog-fixtures.ts";

let h: DomainHarness;
const T = DEFAULT_HEALTH_THRESHOLDS;

beforeAll(async () => {
  h = await startDomainHarness();
});

afterAll(async () => {
  await h?.close();
});

describe("tables", () => {
  it("grades dead rows of a table autovacuum leaves alone, and passes once it is vacuumed", async () => {
    await h.owner`create table health_dead (id int primary key, v text) with (autovacuum_enabled = false)`;
    await ownerFlushing(
      h.owner,
      "insert into health_dead select i, 'row ' || i from generate_series(1, 10000) i",
    );
    await ownerFlushing(h.owner, "delete from health_dead where id <= 6000");

    await vi.waitFor(async () => {
      const tables = await collectTables(h.db);
      expect(tables.find((t) => t.name === "health_dead")).toMatchObject({
        schema: "public",
        liveTuples: 4000,
        deadTuples: 6000,
        deadRatio: 0.6,
      });
      const dead = check(tableChecks(tables, T), "dead_tuples");
      expect(dead).toMatchObject({ status: "fail", value: 0.6 });
      expect(dead.message).toContain("public.health_dead");
      // A lower ratio only warns.
      expect(
        check(tableChecks(tables, { ...T, deadTupleRatio: { warn: 0.5, fail: 0.7 } }), "dead_tuples").status,
      ).toBe("warn");
    }, SETTLE);

    await h.owner`vacuum health_dead`;
    await vi.waitFor(async () => {
      const tables = await collectTables(h.db);
      const table = tables.find((t) => t.name === "health_dead");
      expect(table).toMatchObject({ deadTuples: 0 });
      expect(table?.lastVacuum).toBeInstanceOf(Date);
      expect(check(tableChecks(tables, T), "dead_tuples").status).toBe("pass");
    }, SETTLE);
    await h.owner`drop table health_dead`;
  });

  it("lists partitions and pg-boss's tables with their sizes, not the partitioned parents", async () => {
    const tables = await collectTables(h.db);
    const names = tables.map((t) => `${t.schema}.${t.name}`);
    expect(names).toContain("public.domain_events_default");
    expect(names).toContain("pgboss.queue");
    expect(names).not.toContain("public.domain_events");
    expect(names).not.toContain("pgboss.job");
    const users = tables.find((t) => t.name === "users");
    expect(users?.totalBytes).toBe((users?.tableBytes ?? 0) + (users?.indexBytes ?? 0));
    expect(users?.indexBytes).toBeGreaterThan(0);
  });
});

describe("partitions", () => {
  const now = new Date();
  const month = (ahead: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  };

  beforeAll(async () => {
    // The template may have been built last month.
    await h.owner`select app.ensure_monthly_partitions('domain_events', 3), app.ensure_monthly_partitions('marketing_events', 3)`;
  });

  it("finds next month's partition missing, and passes once it is created again", async () => {
    const before = await collectPartitions(h.db, now);
    expect(before.map((p) => p.table).sort()).toEqual(["public.domain_events", "public.marketing_events"]);
    for (const p of before) {
      expect(p).toMatchObject({
        presentMonths: [0, 1, 2, 3].map(month),
        missingMonths: [],
        defaultPartitionRows: 0,
      });
    }
    expect(partitionCheck(before, T)).toMatchObject({ status: "pass", value: 0 });

    // Named by the month it holds; whether a month is present is read from the bounds.
    await h.owner.unsafe(`drop table domain_events_${month(1).replace("-", "_")}`);
    const missing = await collectPartitions(h.db, now);
    expect(missing.find((p) => p.table === "public.domain_events")).toMatchObject({
      presentMonths: [month(0), month(2), month(3)],
      missingMonths: [month(1)],
    });
    const check = partitionCheck(missing, T);
    expect(check).toMatchObject({ status: "warn", value: 1 });
    expect(check.message).toContain(`public.domain_events ${month(1)}`);

    const [created] = await h.owner`select app.ensure_monthly_partitions('domain_events', 3) as n`;
    expect(created?.n).toBe(1);
    expect(partitionCheck(await collectPartitions(h.db, now), T)).toMatchObject({ status: "pass", value: 0 });
  });

  it("counts a month covered by a partition of other bounds, and warns of rows in the default partition", async () => {
    // A quarter-long partition covers the three months after the usual ones.
    const later = await collectPartitions(h.db, now, 6);
    expect(later.find((p) => p.table === "public.domain_events")?.missingMonths).toEqual(
      [4, 5, 6].map(month),
    );
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 1)).toISOString();
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 7, 1)).toISOString();
    await h.owner.unsafe(
      `create table health_events_quarter partition of domain_events for values from ('${from}') to ('${to}')`,
    );
    expect(
      (await collectPartitions(h.db, now, 6)).find((p) => p.table === "public.domain_events")?.missingMonths,
    ).toEqual([]);
    await h.owner`drop table health_events_quarter`;

    // Years ahead: no partition has that month, the row lands in the default one.
    await ownerFlushing(
      h.owner,
      `
      insert into domain_events (id, account_id, aggregate_type, aggregate_id, event_type, created_at)
      values (gen_random_uuid(), gen_random_uuid(), 'contact', gen_random_uuid(), 'health.test', '2100-01-15')`,
    );
    await vi.waitFor(async () => {
      const partitions = await collectPartitions(h.db, now);
      expect(partitions.find((p) => p.table === "public.domain_events")).toMatchObject({
        missingMonths: [],
        defaultPartitionRows: 1,
      });
      const check = partitionCheck(partitions, T);
      expect(check).toMatchObject({ status: "warn", value: 0 });
      expect(check.message).toContain("1 row in the default partition of public.domain_events");
    }, SETTLE);

    await ownerFlushing(h.owner, "delete from domain_events_default where event_type = 'health.test'");
    await vi.waitFor(async () => {
      expect(partitionCheck(await collectPartitions(h.db, now), T).status).toBe("pass");
    }, SETTLE);
  });
});

describe("materialized views", () => {
  it("grades the oldest refresh, warns when none was recorded, and fails a view never populated", async () => {
    await h.owner`update materialized_view_refreshes set refreshed_at = now() where view_name = 'workflow_performance_hourly'`;
    const fresh = await collectMaterializedViews(h.db);
    expect(fresh).toEqual([
      {
        name: "workflow_performance_hourly",
        populated: true,
        refreshedAt: expect.any(Date),
        ageSeconds: expect.any(Number),
        bytes: expect.any(Number),
      },
    ]);
    expect(fresh[0]?.ageSeconds).toBeLessThan(60);
    expect(materializedViewCheck(fresh, T).status).toBe("pass");

    await h.owner`update materialized_view_refreshes set refreshed_at = now() - interval '3 hours'`;
    const stale = materializedViewCheck(await collectMaterializedViews(h.db), T);
    expect(stale).toMatchObject({ status: "warn" });
    expect(stale.value).toBeGreaterThanOrEqual(3 * 3600);
    expect(stale.message).toContain("workflow_performance_hourly");

    await h.owner`delete from materialized_view_refreshes`;
    const unknown = await collectMaterializedViews(h.db);
    expect(unknown[0]).toMatchObject({ refreshedAt: null, ageSeconds: null });
    expect(materializedViewCheck(unknown, T)).toMatchObject({ status: "warn", value: null });

    await h.owner`select app.refresh_workflow_performance()`;
    expect(materializedViewCheck(await collectMaterializedViews(h.db), T).status).toBe("pass");

    await h.owner`create materialized view health_never as select 1 as one with no data`;
    const views = await collectMaterializedViews(h.db);
    expect(views.find((v) => v.name === "health_never")).toMatchObject({
      populated: false,
      refreshedAt: null,
    });
    const never = materializedViewCheck(views, T);
    expect(never.status).toBe("fail");
    expect(never.message).toContain("Never populated: health_never");
    await h.owner`drop materialized view health_never`;
  });
});

describe("queues", () => {
  /** `count` jobs of `queue` in `state`, inserted as pg-boss would (its queues share pgboss.job);
   * `columns`: other columns' SQL expressions. */
  const insertJobs = (queue: string, state: string, count: number, columns: Record<string, string> = {}) => {
    const names = ["name", "state", "data", "policy", ...Object.keys(columns)];
    const values = [`'${queue}'`, `'${state}'`, "'{}'", "'standard'", ...Object.values(columns)];
    return h.owner.unsafe(
      `insert into pgboss.job (${names.join(", ")}) select ${values.join(", ")} from generate_series(1, ${count})`,
    );
  };

  beforeAll(async () => {
    await h.owner`select pgboss.create_queue('health-mail', '{"policy":"standard"}'),
                         pgboss.create_queue('health-idle', '{"policy":"standard"}')`;
  });

  it("shows every queue, empty ones with zeros", async () => {
    const queues = await collectQueues(h.db);
    expect(queues.filter((q) => q.name.startsWith("health-"))).toEqual([
      {
        name: "health-idle",
        queued: 0,
        deferred: 0,
        active: 0,
        failedLastDay: 0,
        oldestWaitingSeconds: null,
      },
      {
        name: "health-mail",
        queued: 0,
        deferred: 0,
        active: 0,
        failedLastDay: 0,
        oldestWaitingSeconds: null,
      },
    ]);
    const checks = queueChecks(queues, T);
    expect(check(checks, "queue_backlog")).toMatchObject({ status: "pass", value: 0 });
    expect(check(checks, "queue_failures")).toMatchObject({ status: "pass", value: 0 });
  });

  it("counts a job failed in the last day, not one failed before", async () => {
    await insertJobs("health-mail", "failed", 1, { completed_on: "now() - interval '2 days'" });
    expect(check(queueChecks(await collectQueues(h.db), T), "queue_failures").status).toBe("pass");

    await insertJobs("health-mail", "failed", 1, { completed_on: "now()" });
    const queues = await collectQueues(h.db);
    expect(queues.find((q) => q.name === "health-mail")).toMatchObject({ failedLastDay: 1 });
    const failures = check(queueChecks(queues, T), "queue_failures");
    expect(failures).toMatchObject({ status: "warn", value: 1 });
    expect(failures.message).toContain("health-mail (1)");
    await h.owner`delete from pgboss.job where name like 'health-%'`;
  });

  it("grades the backlog by depth and by the oldest ready job, whichever is worse", async () => {
    await insertJobs("health-mail", "created", 5);
    await insertJobs("health-mail", "retry", 1);
    await insertJobs("health-mail", "created", 2, { start_after: "now() + interval '1 hour'" });
    await insertJobs("health-mail", "active", 1, { started_on: "now()" });
    await insertJobs("health-idle", "completed", 3, { completed_on: "now()" });

    const queues = await collectQueues(h.db);
    expect(queues.find((q) => q.name === "health-mail")).toMatchObject({
      queued: 6,
      deferred: 2,
      active: 1,
      failedLastDay: 0,
    });
    expect(queues.find((q) => q.name === "health-idle")).toMatchObject({
      queued: 0,
      oldestWaitingSeconds: null,
    });
    expect(check(queueChecks(queues, T), "queue_backlog").status).toBe("pass");
    const lowered = check(queueChecks(queues, { ...T, queueDepth: { warn: 5, fail: 100 } }), "queue_backlog");
    expect(lowered).toMatchObject({ status: "warn", value: 6 });
    expect(lowered.message).toContain("health-mail (6)");

    // Ready for ten minutes: too long with the default thresholds, though the queue is short.
    await h.owner`update pgboss.job set created_on = now() - interval '10 minutes', start_after = now() - interval '10 minutes'
                   where name = 'health-mail' and state = 'created' and start_after <= now()`;
    const waiting = await collectQueues(h.db);
    expect(waiting.find((q) => q.name === "health-mail")?.oldestWaitingSeconds).toBeGreaterThanOrEqual(600);
    expect(check(queueChecks(waiting, T), "queue_backlog")).toMatchObject({ status: "warn", value: 6 });
    await h.owner`delete from pgboss.job where name like 'health-%'`;
  });
});

describe("sequences", () => {
  it("fails a sequence near its end, measuring a bigint sequence behind an integer column against 2^31 - 1", async () => {
    const before = await collectSequences(h.db);
    expect(sequenceCheck(before, T).status).toBe("pass");

    await h.owner.unsafe(`
      create table health_identity (id integer generated by default as identity, v int);
      select setval(pg_get_serial_sequence('health_identity', 'id'), 2147483648 - 1000000);
      create table health_serial (id integer);
      create sequence health_serial_id_seq as bigint owned by health_serial.id;
      alter table health_serial alter id set default nextval('health_serial_id_seq');
      select setval('health_serial_id_seq', 2147483648 - 2000000)`);

    const sequences = await collectSequences(h.db);
    expect(sequences[0]).toMatchObject({
      sequence: "public.health_identity_id_seq",
      column: "public.health_identity.id",
      columnType: "integer",
      lastValue: 2147483648 - 1000000,
      maxValue: 2147483647,
    });
    expect(sequences.find((s) => s.sequence === "public.health_serial_id_seq")).toMatchObject({
      column: "public.health_serial.id",
      lastValue: 2147483648 - 2000000,
      maxValue: 2147483647,
    });
    const overflow = sequenceCheck(sequences, T);
    expect(overflow.status).toBe("fail");
    expect(overflow.value).toBeCloseTo(1 - 999999 / 2147483647, 6);
    expect(overflow.message).toContain("public.health_identity_id_seq (public.health_identity.id, integer)");
    await h.owner.unsafe("drop table health_identity, health_serial");
  });
});

describe("during a lock incident", () => {
  it("answers while tables, a partition and the materialized view are locked exclusively", async () => {
    await h.owner.unsafe(`
      create table health_locked (id int primary key, v int references health_locked (id));
      create index health_locked_v_idx on health_locked (v) where v is not null;
      insert into health_locked select i, null from generate_series(1, 20000) i`);
    await h.owner`vacuum analyze health_locked`;
    const partition = `domain_events_${new Date().toISOString().slice(0, 7).replace("-", "_")}`;
    const holder = await h.owner.reserve();
    try {
      await holder`begin`;
      await holder.unsafe(`lock table health_locked, ${partition} in access exclusive mode`);
      // A plain refresh holds the view exclusively to the end of the transaction.
      await holder`refresh materialized view workflow_performance_hourly`;
      // Waiting for the lock would fail here rather than hang.
      const report = await h.db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '2s'`);
        return {
          tables: await collectTables(tx),
          indexes: await collectIndexes(tx, T),
          foreignKeys: await collectForeignKeysWithoutIndex(tx),
          partitions: await collectPartitions(tx, new Date()),
          views: await collectMaterializedViews(tx),
          queues: await collectQueues(tx),
          sequences: await collectSequences(tx),
        };
      });
      // Sizes of the locked relations are estimated from the catalog (as of the VACUUM above).
      const table = report.tables.find((t) => t.name === "health_locked");
      expect(table?.tableBytes).toBeGreaterThan(0);
      expect(table?.indexBytes).toBeGreaterThan(0);
      expect(report.indexes.find((i) => i.name === "health_locked_pkey")).toMatchObject({
        bytes: expect.any(Number),
        definition: "(not read: public.health_locked is locked)",
      });
      expect(report.indexes.find((i) => i.name === "health_locked_pkey")?.bytes).toBeGreaterThan(0);
      expect(report.foreignKeys.some((k) => k.table === "public.health_locked")).toBe(false);
      expect(report.partitions.find((p) => p.table === "public.domain_events")?.missingMonths).toEqual([]);
      expect(report.views.map((v) => v.name)).toEqual(["workflow_performance_hourly"]);
    } finally {
      await holder`rollback`;
      holder.release();
    }
    await h.owner`drop table health_locked`;
  });
});
