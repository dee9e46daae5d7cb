// Database health over HTTP: the platform admin's report, its history and the four actions
// (cancel a backend, reset statement statistics, ANALYZE, EXPLAIN); a tenant owner is refused
// every one of them and nothing happens.
import { createClient, type DatabaseClient } from "@markettina/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const ADMIN = "admin@markettina.test"; // platform admin
const OLIVIA = "olivia.owner@northwind.test"; // tenant owner, not a platform admin

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface UserError {
  field: string | null;
  code: string;
  message: string;
}

const REPORT = `{ databaseHealth {
  status generatedAt roundTripMs
  server { version database startedAt maxConnections statsResetAt seesAllSessions }
  checks { key label status value unit direction warnAt failAt message }
  connections { total active idleInTransaction max usable byState { name count } byApplication { name count } }
  size { bytes growthBytesPerDay }
  liveQueries { pid user application clientAddress state waitEventType waitEvent backendStartedAt
    transactionStartedAt queryStartedAt durationSeconds query blockedBy }
  blockedQueries { blockedPid blockedQuery blockedSeconds waitingFor blockingPid blockingQuery blockingState blockingSeconds }
  queryStats { available resetAt top { queryId query calls totalMs meanMs rows share cacheHitRatio } }
  cacheHit { tables indexes }
  tables { schema name liveTuples deadTuples deadRatio lastVacuum lastAutovacuum lastAnalyze lastAutoanalyze
    totalBytes tableBytes indexBytes seqScans indexScans seqTuplesRead }
  indexes { schema table name bytes scans unique primary valid unused duplicateOf definition }
  foreignKeysWithoutIndex { table constraint columns referencedTable }
  transactionIdAge
  partitions { table presentMonths missingMonths defaultPartitionRows }
  materializedViews { name populated refreshedAt ageSeconds bytes }
  replication { configured lagSeconds replicas { applicationName clientAddress state replayLagSeconds } error }
  queues { name queued deferred active failedLastDay oldestWaitingSeconds }
  sequences { sequence column columnType lastValue maxValue usedRatio }
} }`;

interface Report {
  status: string;
  checks: { key: string; status: string }[];
  queryStats: { available: boolean; top: { queryId: string; query: string }[] };
  tables: { schema: string; name: string }[];
  indexes: { name: string }[];
}

async function report(): Promise<Report> {
  const res = await h.gql<{ databaseHealth: Report }>(REPORT, { as: ADMIN });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!.databaseHealth;
}

const HISTORY = `query($hours: Int!) { databaseHealthHistory(hours: $hours) {
  sampledAt status roundTripMs connectionsTotal connectionsActive connectionsIdleInTransaction maxConnections
  databaseBytes tableCacheHitRatio indexCacheHitRatio queueDepth failedJobs longestQuerySeconds blockedQueries
  transactionIdAge } }`;

const CANCEL = `mutation($pid: Int!, $terminate: Boolean) {
  cancelDatabaseBackend(input: { pid: $pid, terminate: $terminate }) { pid terminated userErrors { field code message } } }`;
const RESET = `mutation { resetQueryStats { resetAt userErrors { field code message } } }`;
const ANALYZE = `mutation($table: String!) {
  analyzeTable(input: { table: $table }) { table analyzedAt userErrors { field code message } } }`;
const EXPLAIN = `mutation($queryId: String!, $analyze: Boolean) {
  explainQuery(input: { queryId: $queryId, analyze: $analyze }) {
    plan { queryId query plan analyzed generic } userErrors { field code message } } }`;

async function mutate<T>(as: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await h.gql<Record<string, T & { userErrors: UserError[] }>>(query, { as, variables });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return Object.values(res.body.data!)[0]!;
}

const stillSleeping = async (pid: number) =>
  (
    await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
       where pid = ${pid} and state = 'active' and query = 'select pg_sleep(30)'`
  )[0]!.n === 1;

/** A session of the application role in the harness's database, sleeping in a query. */
async function startSleeper() {
  const client: DatabaseClient = createClient(h.database.appUrl, { max: 1 });
  const [{ pid } = { pid: 0 }] = await client.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const outcome = client.sql`select pg_sleep(30)`.then(
    () => "finished" as const,
    (error: { code?: string }) => error,
  );
  await vi.waitFor(
    async () => {
      if (!(await stillSleeping(pid))) throw new Error("not sleeping yet");
    },
    { timeout: 10_000 },
  );
  return {
    pid,
    outcome,
    // A closed socket does not stop pg_sleep on the server: cancel it first.
    close: async () => {
      await h.owner.sql`select pg_cancel_backend(${pid})`;
      await outcome;
      await client.close();
    },
  };
}

const auditEntries = async () =>
  (await h.owner.sql<{ n: number }[]>`select count(*)::int as n from platform_audit_logs`)[0]!.n;

/** Whether pg_stat_statements still tracks the marker statement of this database (a reset of its
 * statistics removes it). */
const markerTracked = async () =>
  (
    await h.owner.sql<{ tracked: boolean }[]>`
      select exists (select from pg_stat_statements
                      where dbid = (select oid from pg_database where datname = current_database())
                        and query like '%health_marker%') as tracked`
  )[0]!.tracked;

describe("databaseHealth for the platform admin", () => {
  it("reports a status, every check and the lists behind them", async () => {
    const r = await report();
    expect(["HEALTHY", "DEGRADED", "UNHEALTHY"]).toContain(r.status);
    expect(r.checks.map((c) => c.key).sort()).toEqual(
      [
        "CONNECTIVITY",
        "CONNECTIONS",
        "IDLE_IN_TRANSACTION",
        "DATABASE_SIZE",
        "LONG_RUNNING_QUERIES",
        "BLOCKED_QUERIES",
        "SLOW_QUERIES",
        "DEAD_TUPLES",
        "TABLE_CACHE_HIT",
        "INDEX_CACHE_HIT",
        "UNUSED_INDEXES",
        "DUPLICATE_INDEXES",
        "INVALID_INDEXES",
        "FOREIGN_KEYS_WITHOUT_INDEX",
        "TRANSACTION_ID_WRAPAROUND",
        "PARTITIONS",
        "MATERIALIZED_VIEWS",
        "REPLICATION_LAG",
        "QUEUE_BACKLOG",
        "QUEUE_FAILURES",
        "SEQUENCE_OVERFLOW",
      ].sort(),
    );
    expect(r.tables).toContainEqual(expect.objectContaining({ schema: "public", name: "contacts" }));
    expect(r.indexes.length).toBeGreaterThan(0);
    expect(r.queryStats.available).toBe(true);
  });

  it("reads in a bounded number of statements that does not grow with the number of tables", async () => {
    await report(); // the driver's first statements on a connection (type lookups) are not the report's
    h.counter.reset();
    await report();
    const before = h.counter.count;
    // The request's prologue and the admin check, then one statement per part of the report.
    expect(before).toBeLessThanOrEqual(30);

    await h.owner.sql.unsafe(
      Array.from(
        { length: 20 },
        (_, i) =>
          `create table health_extra_${i} (id bigint primary key, note text); create index on health_extra_${i} (note);`,
      ).join("\n"),
    );
    h.counter.reset();
    const after = await report();
    expect(after.tables.filter((t) => t.name.startsWith("health_extra_"))).toHaveLength(20);
    expect(h.counter.count).toBe(before);
  });

  it("charts the samples of the last hours, oldest first", async () => {
    const sample = (hoursAgo: number, status: string, connections: number) =>
      h.owner.sql`
        insert into health_samples (id, sampled_at, status, round_trip_ms, connections_total, connections_active,
          connections_idle_in_transaction, max_connections, database_bytes, table_cache_hit_ratio,
          index_cache_hit_ratio, queue_depth, failed_jobs, longest_query_seconds, blocked_queries,
          transaction_id_age, checks)
        values (gen_random_uuid(), now() - make_interval(hours => ${hoursAgo}), ${status}, 1.5, ${connections}, 2, 0, 100,
          ${50_000_000}, 0.999, 0.998, 3, 0, null, 0, 1234, ${h.owner.sql.json({ connections: "pass" })})`;
    await sample(3, "healthy", 10);
    await sample(1, "unhealthy", 30);
    await sample(2, "degraded", 20);
    await sample(30, "healthy", 99); // outside the last 24 hours

    const res = await h.gql<{
      databaseHealthHistory: {
        sampledAt: string;
        status: string;
        connectionsTotal: number;
        databaseBytes: number;
      }[];
    }>(HISTORY, { as: ADMIN, variables: { hours: 24 } });
    expect(res.body.errors).toBeUndefined();
    const points = res.body.data!.databaseHealthHistory;
    expect(points.map((p) => [p.status, p.connectionsTotal])).toEqual([
      ["HEALTHY", 10],
      ["DEGRADED", 20],
      ["UNHEALTHY", 30],
    ]);
    expect(points.map((p) => Date.parse(p.sampledAt))).toEqual(
      points.map((p) => Date.parse(p.sampledAt)).sort((a, b) => a - b),
    );
    expect(points[0]!.databaseBytes).toBe(50_000_000);
  });
});

describe("a tenant owner", () => {
  it("gets a permission error from databaseHealth and databaseHealthHistory", async () => {
    const health = await h.gql(REPORT, { as: OLIVIA, account: "northwind" });
    expect(health.body.data ?? null).toBeNull();
    expect(health.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const history = await h.gql(HISTORY, { as: OLIVIA, account: "northwind", variables: { hours: 24 } });
    expect(history.body.data ?? null).toBeNull();
    expect(history.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("is refused every action, and nothing happens", async () => {
    const sleeper = await startSleeper();
    try {
      const audited = await auditEntries();
      // Several calls: the server evicts rarely used entries when other databases fill the table.
      for (let i = 0; i < 5; i++) await h.owner.sql`select 4711 as health_marker`;
      expect(await markerTracked()).toBe(true);
      const [queryId] = (await report()).queryStats.top.map((q) => q.queryId);

      const refusals = [
        await mutate(OLIVIA, CANCEL, { pid: sleeper.pid }),
        await mutate(OLIVIA, CANCEL, { pid: sleeper.pid, terminate: true }),
        await mutate(OLIVIA, RESET),
        await mutate(OLIVIA, ANALYZE, { table: "public.contacts" }),
        await mutate(OLIVIA, EXPLAIN, { queryId, analyze: true }),
      ];
      for (const payload of refusals) {
        expect(payload.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
      }
      expect(refusals[0]).toMatchObject({ pid: null, terminated: null });
      expect(refusals[2]).toMatchObject({ resetAt: null });
      expect(refusals[3]).toMatchObject({ table: null, analyzedAt: null });
      expect(refusals[4]).toMatchObject({ plan: null });

      expect(await stillSleeping(sleeper.pid)).toBe(true);
      expect(await markerTracked()).toBe(true);
      expect(await auditEntries()).toBe(audited);
    } finally {
      await sleeper.close();
    }
  });
});

describe("the platform admin's actions", () => {
  it("cancels a sleeping query in this database, audited", async () => {
    const sleeper = await startSleeper();
    try {
      const payload = await mutate<{ pid: number; terminated: boolean }>(ADMIN, CANCEL, { pid: sleeper.pid });
      expect(payload).toEqual({ pid: sleeper.pid, terminated: false, userErrors: [] });
      // 57014 query_canceled: the query stopped, the session lives on.
      expect(await sleeper.outcome).toMatchObject({ code: "57014" });
      const [entry] = await h.owner.sql<{ after: { pid: number } }[]>`
        select after from platform_audit_logs where action = 'database.backend_cancelled'`;
      expect(entry?.after.pid).toBe(sleeper.pid);
    } finally {
      await sleeper.close();
    }
  });

  it("explains a statement from the top-queries list, running it only when asked", async () => {
    // No constants (which pg_stat_statements would turn into $n) and heavy enough to rank.
    const heavy = "select count(*) from pg_class a cross join pg_class b";
    for (let i = 0; i < 3; i++) await h.owner.sql.unsafe(heavy);
    const top = (await report()).queryStats.top;
    const plain = top.find((q) => q.query === heavy);
    expect(plain, JSON.stringify(top.map((q) => q.query))).toBeDefined();

    type Plan = { queryId: string; query: string; plan: string; analyzed: boolean; generic: boolean };
    const explained = await mutate<{ plan: Plan }>(ADMIN, EXPLAIN, { queryId: plain!.queryId });
    expect(explained.userErrors).toEqual([]);
    expect(explained.plan).toMatchObject({
      queryId: plain!.queryId,
      query: heavy,
      analyzed: false,
      generic: false,
    });
    expect(explained.plan.plan).toMatch(/cost=/);
    expect(explained.plan.plan).not.toMatch(/actual/);

    const analyzed = await mutate<{ plan: Plan }>(ADMIN, EXPLAIN, { queryId: plain!.queryId, analyze: true });
    expect(analyzed.userErrors).toEqual([]);
    expect(analyzed.plan).toMatchObject({ analyzed: true, generic: false });
    expect(analyzed.plan.plan).toMatch(/actual/);

    // A statement with parameters (the report's own reads have them): a generic plan, never run.
    const parameterized = top.find(
      (q) =>
        /^select\b/i.test(q.query) && /\$\d/.test(q.query) && !/pg_sleep|set_config|health_/i.test(q.query),
    );
    expect(parameterized).toBeDefined();
    const generic = await mutate<{ plan: Plan }>(ADMIN, EXPLAIN, { queryId: parameterized!.queryId });
    expect(generic.userErrors).toEqual([]);
    expect(generic.plan).toMatchObject({ analyzed: false, generic: true });
    const refused = await mutate<{ plan: Plan }>(ADMIN, EXPLAIN, {
      queryId: parameterized!.queryId,
      analyze: true,
    });
    expect(refused).toMatchObject({ plan: null, userErrors: [{ field: "analyze", code: "INVALID" }] });
  });

  it("analyzes a table and resets the statement statistics, audited", async () => {
    const analyzed = await mutate<{ table: string; analyzedAt: string }>(ADMIN, ANALYZE, {
      table: "public.contacts",
    });
    expect(analyzed.userErrors).toEqual([]);
    expect(analyzed.table).toBe("public.contacts");
    expect(Number.isNaN(Date.parse(analyzed.analyzedAt))).toBe(false);
    const [stats] = await h.owner.sql<{ last_analyze: Date | null }[]>`
      select last_analyze from pg_stat_user_tables where relid = 'public.contacts'::regclass`;
    expect(stats?.last_analyze).not.toBeNull();

    await h.owner.sql`select 4711 as health_marker`;
    expect(await markerTracked()).toBe(true);
    const reset = await mutate<{ resetAt: string }>(ADMIN, RESET);
    expect(reset.userErrors).toEqual([]);
    expect(Number.isNaN(Date.parse(reset.resetAt))).toBe(false);
    expect(await markerTracked()).toBe(false);
    const actions = await h.owner.sql<{ action: string }[]>`select action from platform_audit_logs`;
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["database.table_analyzed", "database.query_stats_reset"]),
    );
  });

  it("answers bad input with the field and code", async () => {
    const unknownPid = await mutate(ADMIN, CANCEL, { pid: 2_000_000_000 });
    expect(unknownPid.userErrors).toMatchObject([{ field: "pid", code: "NOT_FOUND" }]);

    const negativePid = await mutate(ADMIN, CANCEL, { pid: -1 });
    expect(negativePid.userErrors).toMatchObject([{ field: "pid", code: "INVALID" }]);

    const noTable = await mutate(ADMIN, ANALYZE, { table: "public.no_such_table" });
    expect(noTable.userErrors).toMatchObject([{ field: "table", code: "NOT_FOUND" }]);

    const notAnId = await mutate(ADMIN, EXPLAIN, { queryId: "select 1" });
    expect(notAnId.userErrors).toMatchObject([{ field: "queryId", code: "INVALID" }]);

    const unknownId = await mutate(ADMIN, EXPLAIN, { queryId: "42" });
    expect(unknownId.userErrors).toMatchObject([{ field: "queryId", code: "NOT_FOUND" }]);

    for (const hours of [0, 169]) {
      const res = await h.gql(HISTORY, { as: ADMIN, variables: { hours } });
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID", field: "hours" });
    }
  });
});
