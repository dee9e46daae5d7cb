// The database health sampler on a real worker: job health.sample runs once at start (so the
// charts have a point at once) and every minute, appends a row to health_samples as the
// application role, and purges samples older than seven days.
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { QUEUES, type RunningApi, startApi } from "../src/index.ts";

let database: TestDatabase;
let owner: DatabaseClient;
let api: RunningApi | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  // A sample from eight days ago: the first run purges it.
  await owner.sql`
    insert into health_samples (id, sampled_at, status, round_trip_ms, connections_total, connections_active,
                                connections_idle_in_transaction, max_connections, database_bytes, queue_depth,
                                failed_jobs, blocked_queries, transaction_id_age, checks)
    values (gen_random_uuid(), now() - interval '8 days', 'healthy', 1, 1, 1, 0, 100, 1, 0, 0, 0, 1, '{}')`;
  api = await startApi({ appUrl: database.appUrl, http: false, logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await api?.close();
  await owner?.close();
  await database?.drop();
});

describe("health.sample", () => {
  it("samples once at start: a row in health_samples, and last week's purged", async () => {
    const job = await vi.waitFor(
      async () => {
        const [row] = await owner.sql<{ state: string; output: { status: string; purged: number } | null }[]>`
          select state, output from pgboss.job where name = ${QUEUES.healthSample} and singleton_key = 'startup'`;
        expect(row?.state).toBe("completed");
        return row!;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(["healthy", "degraded", "unhealthy"]).toContain(job.output?.status);

    // The scheduled sample may have run as well when the minute turned (and purged first): every
    // row is recent, last week's is gone.
    const samples = await owner.sql<
      { recent: boolean; max_connections: number; checks: Record<string, string> }[]
    >`
      select sampled_at > now() - interval '1 hour' as recent, max_connections, checks from health_samples`;
    expect(samples.length).toBeGreaterThanOrEqual(1);
    for (const sample of samples) {
      expect(sample.recent).toBe(true);
      expect(sample.max_connections).toBeGreaterThan(0);
      expect(sample.checks.connectivity).toBe("pass");
    }
  });

  it("is scheduled every minute (UTC)", async () => {
    const rows = await owner.sql<{ cron: string; timezone: string }[]>`
      select cron, timezone from pgboss.schedule where name = ${QUEUES.healthSample}`;
    expect(rows).toEqual([{ cron: "* * * * *", timezone: "UTC" }]);
  });

  it("writes as the application role, which may append samples but not read them back", async () => {
    const writers = await owner.sql<{ rolname: string }[]>`
      select distinct r.rolname
        from pg_stat_statements s join pg_roles r on r.oid = s.userid
       where s.dbid = (select oid from pg_database where datname = current_database())
         and s.query ilike 'insert into "health_samples"%'`;
    expect(writers.map((w) => w.rolname)).toEqual(["markettina_app"]);
    const app = createClient(database.appUrl, { max: 1 });
    try {
      // No principal: row-level security hides every sample (only platform admins read them).
      expect(await app.sql`select 1 from health_samples`).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
