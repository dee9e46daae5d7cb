// The publishing worker end to end: the app's worker, polling often, finds a due post, sends its
// job through pg-boss and publishes it with the log connector — one log line, once.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { createClient, type DatabaseClient } from "@markettina/db";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, type RunningApi, startApi } from "../src/index.ts";

let database: TestDatabase;
let owner: DatabaseClient;
let api: RunningApi;
const logLines: Record<string, unknown>[] = [];
const account = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  owner = createClient(database.ownerUrl, { max: 2 });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  api = await startApi({
    appUrl: database.appUrl,
    http: false,
    config: { publishPollMs: 100 },
    logger: pino({ level: "info" }, sink),
  });
});
afterAll(async () => {
  await api?.close();
  await owner?.close();
  await database?.drop();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("gave up waiting");
}

describe("publishing worker", () => {
  it("publishes a due post through the log connector, once", async () => {
    const connectorId = randomUUID();
    const itemId = randomUUID();
    const postId = randomUUID();
    await owner.sql`insert into accounts (id, name, slug) values (${account}, 'Acme', 'acme')`;
    await owner.sql`
      insert into connectors (id, account_id, kind, name) values (${connectorId}, ${account}, 'log', 'Demo log')`;
    await owner.sql`
      insert into content_items (id, account_id, type, status, title, body)
      values (${itemId}, ${account}, 'social_post', 'approved', 'First snow', 'First tracks this weekend.')`;
    await owner.sql`
      insert into content_versions (id, account_id, content_item_id, version, title, subject, body, status)
      values (gen_random_uuid(), ${account}, ${itemId}, 1, 'First snow', '', 'First tracks this weekend.', 'approved')`;
    await owner.sql`
      insert into scheduled_posts (id, account_id, content_item_id, channel, connector_id, scheduled_at, time_zone)
      values (${postId}, ${account}, ${itemId}, 'instagram', ${connectorId}, now() - interval '1 second', 'America/Denver')`;

    const post = await waitFor(
      async () =>
        (
          await owner.sql<{ status: string; attempts: number; external_id: string | null }[]>`
            select status, attempts, external_id from scheduled_posts where id = ${postId}`
        )[0]!,
      (p) => p.status === "published" || p.status === "failed",
    );
    expect(post.status).toBe("published");
    expect(post.attempts).toBe(1);
    expect(post.external_id).toMatch(/^log:[0-9a-f-]{36}$/);
    const [item] = await owner.sql<
      { status: string }[]
    >`select status from content_items where id = ${itemId}`;
    expect(item!.status).toBe("published");

    // The log connector wrote its line, once, naming the post and what it published.
    const published = logLines.filter((l) => l.msg === "post published (log connector)");
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      externalId: post.external_id,
      post: { id: postId, accountId: account, channel: "instagram", attempt: 1 },
      content: { id: itemId, title: "First snow" },
      connector: { id: connectorId, name: "Demo log" },
    });
    // It went through the queue, keyed by the post.
    const jobs = await owner.sql<{ state: string }[]>`
      select state from pgboss.job where name = ${QUEUES.publishPost} and singleton_key = ${postId}`;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.some((j) => j.state === "completed")).toBe(true);
  });
});
