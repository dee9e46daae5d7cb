// The pg-boss worker on real PostgreSQL: the platform jobs do their work when their queues run.
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, type RunningApi, startApi } from "../src/index.ts";

let database: TestDatabase;
let owner: DatabaseClient;
let api: RunningApi;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  api = await startApi({ appUrl: database.appUrl, http: false, logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await api?.close();
  await owner?.close();
  await database?.drop();
});

async function runToCompletion(queue: string): Promise<unknown> {
  const boss = api.worker!.boss;
  const id = await boss.send(queue, null);
  for (let i = 0; i < 200; i++) {
    const job = await boss.getJobById(queue, id!);
    if (job?.state === "completed") return job.output;
    if (job?.state === "failed") throw new Error(`job failed: ${JSON.stringify(job.output)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${queue} did not finish`);
}

describe("platform jobs", () => {
  it("keep domain_events partitions for this month and the next three, with RLS forced", async () => {
    await owner.sql`drop table if exists ${owner.sql(partitionName(3))}`;
    await runToCompletion(QUEUES.maintainPartitions);
    const rows = await owner.sql<
      { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[]
    >`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'domain_events'::regclass`;
    const names = rows.map((r) => r.relname);
    for (let m = 0; m <= 3; m++) expect(names).toContain(partitionName(m));
    expect(rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
  });

  it("purge expired idempotency keys and keep live ones", async () => {
    const [account] = await owner.sql<{ id: string }[]>`
      insert into accounts (id, name, slug) values (gen_random_uuid(), 'Jobs', 'jobs') returning id`;
    await owner.sql`
      insert into idempotency_keys (id, account_id, key, operation, request_fingerprint, expires_at) values
        (gen_random_uuid(), ${account!.id}, 'old', 'createApiKey', 'f', now() - interval '1 hour'),
        (gen_random_uuid(), ${account!.id}, 'live', 'createApiKey', 'f', now() + interval '1 hour')`;
    const output = await runToCompletion(QUEUES.purgeIdempotencyKeys);
    expect(output).toEqual({ purged: 1 });
    const left = await owner.sql<{ key: string }[]>`select key from idempotency_keys`;
    expect(left.map((r) => r.key)).toEqual(["live"]);
  });
});

function partitionName(monthsAhead: number): string {
  const d = new Date();
  const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsAhead, 1));
  return `domain_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}
