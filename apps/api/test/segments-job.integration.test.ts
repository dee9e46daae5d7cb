// The periodic segment refresh on the real worker: automation.refresh-segments is scheduled every
// 5 minutes, and a run refreshes every tenant's dynamic segments (entries, exits, member counts)
// and leaves static ones alone.
import { randomUUID } from "node:crypto";
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApi, startApi } from "../src/index.ts";
import { REFRESH_SEGMENTS_CRON, REFRESH_SEGMENTS_QUEUE } from "../src/jobs/segments.ts";

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
  for (let i = 0; i < 300; i++) {
    const job = await boss.getJobById(queue, id!);
    if (job?.state === "completed") return job.output;
    if (job?.state === "failed") throw new Error(`job failed: ${JSON.stringify(job.output)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${queue} did not finish`);
}

/** An account with a dynamic "plan = pro" segment computed when one contact was pro. */
async function tenant(slug: string) {
  const account = randomUUID();
  const [ada, bob] = [randomUUID(), randomUUID()];
  const segment = randomUUID();
  const list = randomUUID();
  await owner.sql`insert into accounts (id, name, slug) values (${account}, ${slug}, ${slug})`;
  await owner.sql`insert into contacts (id, account_id, email, attributes) values
    (${ada}, ${account}, ${`ada@${slug}.test`}, '{"plan": "pro"}'),
    (${bob}, ${account}, ${`bob@${slug}.test`}, '{"plan": "free"}')`;
  await owner.sql`insert into marketing_segments (id, account_id, name, kind, conditions, member_count) values
    (${segment}, ${account}, 'Pro', 'dynamic', ${owner.sql.json({ kind: "attribute", key: "plan", op: "eq", value: "pro" })}, 1),
    (${list}, ${account}, 'List', 'static', '{}', 1)`;
  await owner.sql`insert into segment_memberships (id, account_id, segment_id, contact_id) values
    (${randomUUID()}, ${account}, ${segment}, ${ada}), (${randomUUID()}, ${account}, ${list}, ${ada})`;
  return { account, ada, bob, segment, list };
}

describe("automation.refresh-segments", () => {
  it("is scheduled every 5 minutes", async () => {
    const schedules = await api.worker!.boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: REFRESH_SEGMENTS_QUEUE, cron: REFRESH_SEGMENTS_CRON }),
    );
    expect(REFRESH_SEGMENTS_CRON).toBe("*/5 * * * *");
  });

  it("refreshes every tenant's dynamic segments and leaves static ones alone", async () => {
    const one = await tenant("refresh-one");
    const two = await tenant("refresh-two");
    // Behind the application's back: Ada downgrades in one, Bob upgrades in two.
    await owner.sql`update contacts set attributes = '{"plan": "free"}' where id = ${one.ada}`;
    await owner.sql`update contacts set attributes = '{"plan": "pro"}' where id = ${two.bob}`;
    const output = (await runToCompletion(REFRESH_SEGMENTS_QUEUE)) as Record<string, number>;
    expect(output).toMatchObject({ failed: 0, entered: 1, exited: 1 });

    const rows = await owner.sql<{ segment_id: string; contact_id: string; open: boolean }[]>`
      select segment_id, contact_id, exited_at is null as open from segment_memberships
       where account_id in (${one.account}, ${two.account}) order by entered_at, contact_id`;
    const open = (segment: string) =>
      rows.filter((r) => r.segment_id === segment && r.open).map((r) => r.contact_id);
    expect(open(one.segment)).toEqual([]);
    expect(open(two.segment).sort()).toEqual([two.ada, two.bob].sort());
    expect(open(one.list)).toEqual([one.ada]);
    const counts = await owner.sql<{ id: string; member_count: number; last_calculated_at: string | null }[]>`
      select id, member_count, last_calculated_at from marketing_segments
       where id in (${one.segment}, ${two.segment}, ${one.list})`;
    const byId = new Map(counts.map((c) => [c.id, c]));
    expect(byId.get(one.segment)).toMatchObject({ member_count: 0, last_calculated_at: expect.anything() });
    expect(byId.get(two.segment)).toMatchObject({ member_count: 2 });
    expect(byId.get(one.list)).toMatchObject({ member_count: 1, last_calculated_at: null });
  });
});
