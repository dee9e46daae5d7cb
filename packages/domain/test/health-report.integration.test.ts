// The database health report on a real server: each check of the report's live part is watched
// while a session of the test puts the database into the state it detects (a held lock, a session
// idle in a transaction, a long query, a slow statement, many connections, a replica that is not
// one), and the history: samples recorded, purged after seven days, bucketed for the charts.
import { createClient } from "@markettina/db";
import { statementCounter } from "@markettina/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  collectHealthReport,
  type DatabaseHealthReport,
  getDatabaseHealth,
  HEALTH_CHECK_KEYS,
  type HealthCheckKey,
  listHealthSamples,
  recordHealthSample,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";
import {
  asPlatform,
  createHealthUser,
  domainErrorOf,
  healthDeps,
  openProbeSession,
  sessionState,
} from "./support/health-fixtures.ts";

let h: DomainHarness;
let adminId: string;
let userId: string;

beforeAll(async () => {
  h = await startDomainHarness();
  adminId = await createHealthUser(h.owner, { admin: true });
  userId = await createHealthUser(h.owner, { admin: false });
  // Outside the schemas the report sizes (public, pgboss): sizing a relation waits for an
  // ACCESS EXCLUSIVE lock on it, and the report must not be the one blocked.
  await h.owner`create schema health_probe`;
  await h.owner`create table health_probe.lock_target (id int)`;
});
afterAll(async () => {
  await h?.close();
});

const check = (report: DatabaseHealthReport, key: HealthCheckKey) => {
  const found = report.checks.find((c) => c.key === key);
  if (!found) throw new Error(`no ${key} check`);
  return found;
};

describe("collectHealthReport", () => {
  it("grades every check, in HEALTH_CHECK_KEYS' order, and is healthy when no threshold is reached", async () => {
    const report = await collectHealthReport(h.db, healthDeps());
    expect(report.checks.map((c) => c.key)).toEqual([...HEALTH_CHECK_KEYS]);
    expect(report.status).toBe("healthy");
    expect(check(report, "connectivity")).toMatchObject({ status: "pass", unit: "ms" });
    expect(report.roundTripMs).toBeGreaterThan(0);
    expect(report.server).toMatchObject({ database: h.database.name, seesAllSessions: true });
    expect(report.server.maxConnections).toBeGreaterThan(0);
    expect(report.server.startedAt).toBeInstanceOf(Date);
    // The report's own session is not among the live queries.
    const [own] = await h.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    expect(report.liveQueries.map((q) => q.pid)).not.toContain(own?.pid);
  });

  it("runs the same number of statements however many tables the database has", async () => {
    const counter = statementCounter();
    const client = createClient(h.database.appUrl, { max: 1, onQuery: counter.onQuery });
    try {
      await collectHealthReport(client.db, healthDeps()); // the connection's own set-up aside
      counter.reset();
      await collectHealthReport(client.db, healthDeps());
      const statements = counter.count;
      for (const n of [1, 2, 3, 4, 5]) {
        await h.owner.unsafe(`create table public.health_extra_${n} (id int primary key, note text)`);
      }
      counter.reset();
      const report = await collectHealthReport(client.db, healthDeps());
      expect(report.tables.map((t) => t.name)).toContain("health_extra_5");
      expect(counter.count).toBe(statements);
      expect(statements).toBeLessThan(30);
    } finally {
      for (const n of [1, 2, 3, 4, 5]) await h.owner.unsafe(`drop table if exists public.health_extra_${n}`);
      await client.close();
    }
  });

  it("lists a query blocked by a held lock with both pids, and warns of blocked queries", async () => {
    const holder = await openProbeSession(h.database.ownerUrl, "health-lock-holder");
    const waiter = await openProbeSession(h.database.ownerUrl, "health-lock-waiter");
    let waiting: Promise<unknown> = Promise.resolve();
    try {
      const before = await collectHealthReport(h.db, healthDeps({ blockedQueries: { warn: 1, fail: 10 } }));
      expect(check(before, "blocked_queries")).toMatchObject({ status: "pass", value: 0 });

      await holder.sql`begin`;
      await holder.sql`lock table health_probe.lock_target in access exclusive mode`;
      waiting = waiter.sql`select count(*) from health_probe.lock_target`.execute();
      waiting.catch(() => {}); // it completes once the holder rolls back
      await vi.waitFor(async () => {
        expect(await sessionState(h.owner, waiter.pid)).toMatchObject({
          state: "active",
          wait_event_type: "Lock",
        });
      });

      const report = await collectHealthReport(h.db, healthDeps({ blockedQueries: { warn: 1, fail: 10 } }));
      expect(report.blockedQueries).toEqual([
        expect.objectContaining({
          blockedPid: waiter.pid,
          blockedQuery: "select count(*) from health_probe.lock_target",
          waitingFor: "relation AccessShareLock on health_probe.lock_target",
          blockingPid: holder.pid,
          blockingQuery: "lock table health_probe.lock_target in access exclusive mode",
          blockingState: "idle in transaction",
        }),
      ]);
      expect(check(report, "blocked_queries")).toMatchObject({ status: "warn", value: 1 });
      expect(report.status).toBe("degraded");
      expect(report.liveQueries.find((q) => q.pid === waiter.pid)).toMatchObject({
        application: "health-lock-waiter",
        state: "active",
        waitEventType: "Lock",
        blockedBy: [holder.pid],
      });
    } finally {
      await holder.sql`rollback`.catch(() => {});
      await waiting;
      await holder.end();
      await waiter.end();
    }
  });

  it("warns of a session idle in a transaction past the threshold", async () => {
    const deps = healthDeps({ idleInTransactionSeconds: { warn: 0, fail: 3600 } });
    const before = await collectHealthReport(h.db, deps);
    expect(check(before, "idle_in_transaction")).toMatchObject({ status: "pass", value: null });

    const idle = await openProbeSession(h.database.ownerUrl, "health-idle");
    try {
      await idle.sql`begin`;
      await idle.sql`select 1`;
      await vi.waitFor(async () => {
        expect(await sessionState(h.owner, idle.pid)).toMatchObject({ state: "idle in transaction" });
      });
      const report = await collectHealthReport(h.db, deps);
      expect(check(report, "idle_in_transaction").status).toBe("warn");
      expect(check(report, "idle_in_transaction").value).toBeGreaterThanOrEqual(0);
      expect(report.connections.idleInTransaction).toBe(1);
      expect(report.connections.byState).toContainEqual({ name: "idle in transaction", count: 1 });
      expect(report.liveQueries.find((q) => q.pid === idle.pid)).toMatchObject({
        state: "idle in transaction",
        query: "select 1",
      });
      expect(report.status).toBe("degraded");
    } finally {
      await idle.sql`rollback`.catch(() => {});
      await idle.end();
    }
  });

  it("warns of a long-running query past the threshold", async () => {
    const deps = healthDeps({ longRunningQuerySeconds: { warn: 0, fail: 3600 } });
    const before = await collectHealthReport(h.db, deps);
    expect(check(before, "long_running_queries")).toMatchObject({ status: "pass", value: null });

    const sleeper = await openProbeSession(h.database.ownerUrl, "health-sleeper");
    const sleeping = sleeper.sql`select pg_sleep(60)`.execute();
    sleeping.catch(() => {}); // cancelled below
    try {
      await vi.waitFor(async () => {
        expect(await sessionState(h.owner, sleeper.pid)).toMatchObject({ state: "active" });
      });
      const report = await collectHealthReport(h.db, deps);
      expect(check(report, "long_running_queries").status).toBe("warn");
      expect(report.liveQueries.find((q) => q.pid === sleeper.pid)).toMatchObject({
        application: "health-sleeper",
        state: "active",
        query: "select pg_sleep(60)",
        blockedBy: [],
      });
    } finally {
      await h.owner`select pg_cancel_backend(${sleeper.pid})`;
      await sleeping.catch(() => {});
      await sleeper.end();
    }
  });

  it("counts statements slower than slowQueryMeanMs after slowQueryMinCalls calls", async () => {
    const deps = healthDeps({
      slowQueryMeanMs: 20,
      slowQueryMinCalls: 10,
      slowQueries: { warn: 1, fail: 10 },
    });
    // This database's statement statistics start from nothing.
    const resetFrom = Date.now();
    await h.owner`select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)`;
    const before = await collectHealthReport(h.db, deps);
    expect(before.queryStats.available).toBe(true);
    // A reset of one database's statements shows, though pg_stat_statements_info only records
    // resets of every database's.
    expect(before.queryStats.resetAt?.getTime()).toBeGreaterThanOrEqual(resetFrom - 1000);
    expect(check(before, "slow_queries")).toMatchObject({ status: "pass", value: 0 });

    for (let i = 0; i < 10; i += 1) {
      await h.db.execute(sql`select pg_sleep(0.03) as health_slow_probe`);
    }
    const report = await collectHealthReport(h.db, deps);
    expect(check(report, "slow_queries")).toMatchObject({ status: "warn", value: 1 });
    const probe = report.queryStats.top.find((q) => q.query.includes("health_slow_probe"));
    expect(probe).toMatchObject({ calls: 10, rows: 10 });
    expect(probe?.meanMs).toBeGreaterThanOrEqual(30);
    expect(probe?.totalMs).toBeGreaterThanOrEqual(300);
    expect(probe?.queryId).toMatch(/^-?\d+$/);
    // The probe slept more than every other statement of this database ran, together.
    expect(probe?.share).toBeGreaterThan(0.5);
    expect(report.queryStats.top[0]?.queryId).toBe(probe?.queryId);
  });

  it("grades the use of max_connections against the thresholds and breaks this database's sessions down", async () => {
    const sessions = await Promise.all(
      [1, 2, 3].map(() => openProbeSession(h.database.ownerUrl, "health-connections")),
    );
    try {
      const relaxed = await collectHealthReport(h.db, healthDeps({ connectionUse: { warn: 2, fail: 3 } }));
      expect(check(relaxed, "connections").status).toBe("pass");
      expect(relaxed.connections.byApplication).toContainEqual({ name: "health-connections", count: 3 });
      // The server's client sessions: at least ours, against what the application may use.
      expect(relaxed.connections.total).toBeGreaterThanOrEqual(4);
      expect(relaxed.connections.usable).toBeLessThan(relaxed.connections.max);
      expect(check(relaxed, "connections").value).toBeCloseTo(
        relaxed.connections.total / relaxed.connections.usable,
        6,
      );

      const oneSessionIsTooMany = 1 / relaxed.connections.usable;
      const tight = await collectHealthReport(
        h.db,
        healthDeps({ connectionUse: { warn: oneSessionIsTooMany / 2, fail: oneSessionIsTooMany } }),
      );
      expect(check(tight, "connections").status).toBe("fail");
      expect(tight.status).toBe("unhealthy");
    } finally {
      await Promise.all(sessions.map((s) => s.end()));
    }
  });

  it("judges cache hit ratios only once enough blocks were read", async () => {
    await h.owner`select count(*) from accounts`;
    await h.owner`select pg_stat_force_next_flush()`;
    await h.owner`select count(*) from accounts`; // flushes the previous statement's reads
    const hardToPass = {
      tableCacheHit: { warn: 1.01, fail: 1.005 },
      indexCacheHit: { warn: 1.01, fail: 1.005 },
    };

    const early = await collectHealthReport(h.db, healthDeps({ ...hardToPass, cacheHitMinBlocks: 1e12 }));
    expect(check(early, "table_cache_hit").status).toBe("pass");
    expect(check(early, "table_cache_hit").message).toMatch(/^Not enough reads yet/);

    await vi.waitFor(async () => {
      const judged = await collectHealthReport(h.db, healthDeps({ ...hardToPass, cacheHitMinBlocks: 1 }));
      expect(judged.cacheHit.tables).not.toBeNull();
      expect(check(judged, "table_cache_hit")).toMatchObject({
        status: "fail",
        value: judged.cacheHit.tables,
      });
    });
  });

  it("grades the database size and the transaction-ID age", async () => {
    const report = await collectHealthReport(
      h.db,
      healthDeps({
        databaseBytes: { warn: 1024, fail: 1024 ** 5 },
        transactionIdWraparound: { warn: 0, fail: 1 },
      }),
    );
    const [row] = await h.owner<{ bytes: string; age: number }[]>`
      select pg_database_size(current_database())::text as bytes,
             age(datfrozenxid) as age from pg_database where datname = current_database()`;
    expect(report.size.bytes).toBeGreaterThan(0);
    expect(Math.abs(report.size.bytes - Number(row?.bytes)) / report.size.bytes).toBeLessThan(0.05);
    expect(check(report, "database_size")).toMatchObject({ status: "warn", value: report.size.bytes });
    expect(report.transactionIdAge).toBeGreaterThan(0);
    expect(report.transactionIdAge).toBeLessThanOrEqual(row?.age ?? 0);
    expect(check(report, "transaction_id_wraparound")).toMatchObject({
      status: "warn",
      value: report.transactionIdAge / 2 ** 31,
    });
  });

  describe("replication", () => {
    it("skips the check with no replica configured and no standby", async () => {
      const report = await collectHealthReport(h.db, healthDeps());
      expect(report.replication).toEqual({ configured: false, lagSeconds: null, replicas: [], error: null });
      expect(check(report, "replication_lag").status).toBe("skip");
    });

    it("fails when the configured replica is not in recovery (a primary)", async () => {
      const replica = { measure: async () => ({ inRecovery: false, lagSeconds: null }) };
      const report = await collectHealthReport(h.db, healthDeps({}, { replica }));
      expect(report.replication.configured).toBe(true);
      expect(report.replication.error).toMatch(/not a replica/);
      expect(check(report, "replication_lag")).toMatchObject({ status: "fail", value: null });
      expect(report.status).toBe("unhealthy");
    });

    it("fails with the error when the configured replica cannot be reached", async () => {
      const replica = {
        measure: async (): Promise<never> => {
          throw new Error("connect ECONNREFUSED 127.0.0.1:5999");
        },
      };
      const report = await collectHealthReport(h.db, healthDeps({}, { replica }));
      expect(report.replication.error).toContain("connect ECONNREFUSED 127.0.0.1:5999");
      expect(check(report, "replication_lag").status).toBe("fail");
      expect(check(report, "replication_lag").message).toContain("ECONNREFUSED");
    });

    it("grades the configured replica's lag", async () => {
      const replica = { measure: async () => ({ inRecovery: true, lagSeconds: 45 }) };
      const report = await collectHealthReport(
        h.db,
        healthDeps({ replicationLagSeconds: { warn: 30, fail: 300 } }, { replica }),
      );
      expect(report.replication).toMatchObject({ configured: true, lagSeconds: 45, error: null });
      expect(check(report, "replication_lag")).toMatchObject({ status: "warn", value: 45 });
    });
  });
});

describe("getDatabaseHealth", () => {
  it("gives a platform admin the report, with the growth measured from the samples they may read", async () => {
    await h.owner`delete from health_samples`;
    await h.owner`insert into health_samples (id, sampled_at, status, round_trip_ms, connections_total,
        connections_active, connections_idle_in_transaction, max_connections, database_bytes, queue_depth,
        failed_jobs, blocked_queries, transaction_id_age, checks)
      values (gen_random_uuid(), now() - interval '2 days', 'healthy', 1, 1, 1, 0, 100, 1000, 0, 0, 0, 1, '{}')`;
    try {
      const report = await asPlatform(h.db, adminId, (p) => getDatabaseHealth(p, healthDeps()));
      expect(report.checks).toHaveLength(HEALTH_CHECK_KEYS.length);
      const perDay = (report.size.bytes - 1000) / 2;
      expect(report.size.growthBytesPerDay).not.toBeNull();
      expect((report.size.growthBytesPerDay ?? 0) / perDay).toBeCloseTo(1, 2);

      // The worker (no principal) sees no sample: row-level security.
      const asWorker = await collectHealthReport(h.db, healthDeps());
      expect(asWorker.size.growthBytesPerDay).toBeNull();
    } finally {
      await h.owner`delete from health_samples`;
    }
  });

  it("refuses a user who is not a platform admin", async () => {
    const error = await domainErrorOf(asPlatform(h.db, userId, (p) => getDatabaseHealth(p, healthDeps())));
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("recordHealthSample", () => {
  it("appends the minute's sample and purges the ones older than seven days", async () => {
    await h.owner`delete from health_samples`;
    await h.owner`insert into health_samples (id, sampled_at, status, round_trip_ms, connections_total,
        connections_active, connections_idle_in_transaction, max_connections, database_bytes, queue_depth,
        failed_jobs, blocked_queries, transaction_id_age, checks)
      values (gen_random_uuid(), now() - interval '8 days', 'healthy', 1, 1, 1, 0, 100, 1, 0, 0, 0, 1, '{}'),
             (gen_random_uuid(), now() - interval '6 days', 'healthy', 1, 1, 1, 0, 100, 1, 0, 0, 0, 1, '{}')`;
    const now = new Date();
    const result = await recordHealthSample(
      h.db,
      healthDeps({ databaseBytes: { warn: 1, fail: 1024 ** 5 } }),
      now,
    );
    expect(result).toEqual({ status: "degraded", purged: 1 });

    const rows = await h.owner<
      {
        sampled_at: Date;
        status: string;
        database_bytes: string;
        max_connections: number;
        checks: Record<string, string>;
      }[]
    >`select sampled_at, status, database_bytes, max_connections, checks from health_samples order by sampled_at`;
    expect(rows).toHaveLength(2);
    expect(rows[0]?.sampled_at.getTime()).toBeLessThan(now.getTime() - 5 * 24 * 3600 * 1000);
    const sample = rows[1];
    expect(sample?.sampled_at.getTime()).toBe(now.getTime());
    expect(sample).toMatchObject({ status: "degraded" });
    expect(Number(sample?.database_bytes)).toBeGreaterThan(0);
    expect(sample?.max_connections).toBeGreaterThan(0);
    expect(Object.keys(sample?.checks ?? {})).toEqual(expect.arrayContaining([...HEALTH_CHECK_KEYS]));
    expect(sample?.checks).toMatchObject({
      database_size: "warn",
      connectivity: "pass",
      replication_lag: "skip",
    });
  });
});

describe("listHealthSamples", () => {
  /** A sample at a chosen time, written as the owner. */
  async function insertSample(
    at: Date,
    fields: { status: string; connections: number; checks: Record<string, string> },
  ) {
    await h.owner`insert into health_samples (id, sampled_at, status, round_trip_ms, connections_total,
        connections_active, connections_idle_in_transaction, max_connections, database_bytes, queue_depth,
        failed_jobs, longest_query_seconds, blocked_queries, transaction_id_age, checks)
      values (gen_random_uuid(), ${at}, ${fields.status}, 2, ${fields.connections}, 1, 0, 100, 5000, 3, 0,
              ${fields.connections}, 0, 10, ${h.owner.json(fields.checks)})`;
  }

  it("averages the samples of each bucket, keeps the worst status and checks, oldest first", async () => {
    await h.owner`delete from health_samples`;
    // A week in 360 buckets of 28 minutes, counted back from when the list is asked for: samples
    // in the middle of a bucket stay in it however long the test takes to get there.
    const hours = 168;
    const width = (hours * 3600 * 1000) / 360;
    const start = Date.now() - hours * 3600 * 1000;
    const inBucket = (k: number, secondsEarlier: number) =>
      new Date(start + k * width + width / 2 - secondsEarlier * 1000);
    await insertSample(inBucket(100, 0), {
      status: "healthy",
      connections: 10,
      checks: { connections: "pass", slow_queries: "pass" },
    });
    await insertSample(inBucket(100, 60), {
      status: "unhealthy",
      connections: 20,
      checks: { connections: "fail", slow_queries: "pass" },
    });
    await insertSample(inBucket(100, 120), {
      status: "degraded",
      connections: 30,
      checks: { connections: "warn", slow_queries: "skip" },
    });
    await insertSample(inBucket(300, 0), {
      status: "healthy",
      connections: 7,
      checks: { connections: "pass" },
    });
    await insertSample(new Date(start - 3600 * 1000), { status: "unhealthy", connections: 99, checks: {} });

    const points = await asPlatform(h.db, adminId, (p) => listHealthSamples(p, { hours }));
    expect(points).toHaveLength(2);
    const [busy, quiet] = points;
    expect(busy).toMatchObject({
      status: "unhealthy",
      connectionsTotal: 20,
      longestQuerySeconds: 30,
      maxConnections: 100,
      databaseBytes: 5000,
      queueDepth: 3,
      transactionIdAge: 10,
      checks: { connections: "fail", slow_queries: "pass" },
    });
    expect(busy?.sampledAt.getTime()).toBeLessThanOrEqual(inBucket(100, 120).getTime());
    expect(quiet).toMatchObject({ status: "healthy", connectionsTotal: 7, checks: { connections: "pass" } });
    expect(quiet?.sampledAt.getTime()).toBeGreaterThan(busy?.sampledAt.getTime() ?? 0);
  });

  it("returns at most 360 points for a week of one sample a minute", async () => {
    await h.owner`delete from health_samples`;
    await h.owner`insert into health_samples (id, sampled_at, status, round_trip_ms, connections_total,
        connections_active, connections_idle_in_transaction, max_connections, database_bytes, queue_depth,
        failed_jobs, blocked_queries, transaction_id_age, checks)
      select gen_random_uuid(), now() - make_interval(mins => m), 'healthy', 1, 1, 1, 0, 100, 1, 0, 0, 0, 1, '{}'
        from generate_series(1, 7 * 24 * 60 - 1) as m`;
    const points = await asPlatform(h.db, adminId, (p) => listHealthSamples(p, { hours: 168 }));
    expect(points.length).toBeLessThanOrEqual(360);
    expect(points.length).toBeGreaterThan(350);
    const times = points.map((p) => p.sampledAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const hour = await asPlatform(h.db, adminId, (p) => listHealthSamples(p, { hours: 1 }));
    expect(hour.length).toBeGreaterThanOrEqual(58);
    expect(hour.length).toBeLessThanOrEqual(60);
  });

  it("refuses users who are not platform admins, and hours outside 1–168", async () => {
    expect(await domainErrorOf(asPlatform(h.db, userId, (p) => listHealthSamples(p, { hours: 24 })))).toEqual(
      {
        code: "FORBIDDEN",
        field: null,
      },
    );
    for (const hours of [0, 169, 1.5]) {
      expect(await domainErrorOf(asPlatform(h.db, adminId, (p) => listHealthSamples(p, { hours })))).toEqual({
        code: "INVALID",
        field: "hours",
      });
    }
  });
});
