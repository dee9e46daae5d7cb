// Scheduled posts on real PostgreSQL: scheduling rules (never in the past, real IANA zones,
// content and connector checks), the reschedule rules table (past, published, stale version,
// keeping the local time of day across DST changes), cancel, retry and publish-now.
import { randomUUID } from "node:crypto";
import { withTenant } from "@markettina/db";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancelPost,
  moveToDate,
  type OperationContext,
  publishPostNow,
  type ReschedulePostInput,
  type Role,
  reschedulePost,
  retryPost,
  type ScheduledPostRow,
  type ScheduledPostStatus,
  type SchedulePostInput,
  schedulePost,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const otherAccount = randomUUID();
const user = randomUUID();
const ids = {
  item: randomUUID(),
  archivedItem: randomUUID(),
  draftItem: randomUUID(),
  otherItem: randomUUID(),
  campaign: randomUUID(),
  completedCampaign: randomUUID(),
  log: randomUUID(),
  smtp: randomUUID(),
  webhook: randomUUID(),
  disabled: randomUUID(),
  otherLog: randomUUID(),
};

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'cal@example.test', 'Planner')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Bakery', 'bakery'), (${otherAccount}, 'Other', 'other')`;
  await h.owner`insert into campaigns (id, account_id, name, type, status) values
    (${ids.campaign}, ${account}, 'Winter', 'social', 'active'),
    (${ids.completedCampaign}, ${account}, 'Summer', 'social', 'completed')`;
  await h.owner`insert into content_items (id, account_id, campaign_id, type, status, title, body) values
    (${ids.item}, ${account}, ${ids.campaign}, 'social_post', 'approved', 'Rye is back', 'Rye is back.'),
    (${ids.archivedItem}, ${account}, null, 'social_post', 'archived', 'Old news', 'Old.'),
    (${ids.draftItem}, ${account}, null, 'social_post', 'draft', 'Maybe', 'Maybe.'),
    (${ids.otherItem}, ${otherAccount}, null, 'social_post', 'approved', 'Not yours', 'No.')`;
  await h.owner`insert into connectors (id, account_id, kind, name, enabled, config) values
    (${ids.log}, ${account}, 'log', 'Log', true, '{}'),
    (${ids.smtp}, ${account}, 'smtp', 'Mail', true, '{"from":"a@example.test","to":["b@example.test"]}'),
    (${ids.webhook}, ${account}, 'webhook', 'Hook', true, '{"url":"http://127.0.0.1:9/"}'),
    (${ids.disabled}, ${account}, 'log', 'Off', false, '{}'),
    (${ids.otherLog}, ${otherAccount}, 'log', 'Log', true, '{}')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(
  op: (ctx: OperationContext) => Promise<T>,
  role: Role = "member",
  acct = account,
): Promise<T> => h.run({ accountId: acct, userId: user, role }, op);

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);
const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm");
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { errors?: { code: string; field: string | null }[] }) =>
      e.errors?.map(({ code, field }) => ({ code, field })),
  );

const schedule = (over: Partial<SchedulePostInput> = {}) =>
  as((ctx) =>
    schedulePost(ctx, {
      contentItemId: ids.item,
      connectorId: ids.log,
      channel: "linkedin",
      scheduledAt: inDays(3),
      timeZone: "Europe/Rome",
      ...over,
    }),
  );

/** A post in `status`, as the publisher would leave it (status set behind the API's back). */
async function postIn(status: ScheduledPostStatus, over: Partial<SchedulePostInput> = {}) {
  const post = await schedule(over);
  if (status === "scheduled") return post;
  const [row] = await h.owner<{ version: number }[]>`
    update scheduled_posts
       set status = ${status}, attempts = 3,
           published_at = ${status === "published" ? new Date() : null},
           claimed_at = ${status === "publishing" ? new Date() : null},
           last_error = ${status === "failed" ? "connection refused" : null},
           version = version + 1
     where id = ${post.id} returning version`;
  return { ...post, status, version: row!.version } as ScheduledPostRow;
}

const reschedule = (post: ScheduledPostRow, change: Partial<ReschedulePostInput>) =>
  as((ctx) => reschedulePost(ctx, { id: post.id, version: post.version, ...change }));

/**
 * The next day, at least two days ahead, on which `zone`'s clocks move in `direction`: the test
 * always crosses a DST change still to come (2027-03-28 in Rome, 2027-11-07 in New York, …).
 */
function nextChange(zone: string, direction: "forward" | "back"): DateTime {
  let day = DateTime.now().setZone(zone).startOf("day").plus({ days: 2 });
  for (let i = 0; i < 400; i++, day = day.plus({ days: 1 })) {
    const before = day.minus({ days: 1 }).set({ hour: 12 }).offset;
    const after = day.set({ hour: 12 }).offset;
    if (direction === "forward" ? after > before : after < before) return day;
  }
  throw new Error(`no DST change in ${zone}`);
}

describe("keeping the time of day (pure)", () => {
  it("moves 09:00 Europe/Rome from 2026-03-28 to 2026-03-30 as 08:00Z → 07:00Z", () => {
    expect(moveToDate(new Date("2026-03-28T08:00:00Z"), "Europe/Rome", "2026-03-30").toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
  });
  it("moves 09:00 America/New_York across 2026-11-01 as 13:00Z → 14:00Z", () => {
    expect(moveToDate(new Date("2026-10-31T13:00:00Z"), "America/New_York", "2026-11-02").toISOString()).toBe(
      "2026-11-02T14:00:00.000Z",
    );
  });
  it("moves a time the clocks skip forward by the gap", () => {
    // 02:30 does not exist in Rome on 2026-03-29: it becomes 03:30 CEST.
    expect(moveToDate(new Date("2026-03-28T01:30:00Z"), "Europe/Rome", "2026-03-29").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });
});

describe("scheduling", () => {
  it("stores the instant in UTC with the zone, and takes the item's campaign", async () => {
    const at = inDays(5);
    const post = await schedule({ scheduledAt: at, timeZone: "europe/rome" });
    expect(post).toMatchObject({
      status: "scheduled",
      scheduledAt: at,
      timeZone: "Europe/Rome",
      campaignId: ids.campaign,
      attempts: 0,
      version: 1,
      createdBy: user,
    });
    const [audit] = await h.owner`select action from audit_logs where entity_id = ${post.id}`;
    expect(audit).toEqual({ action: "scheduled_post.scheduled" });
    expect((await schedule({ campaignId: null })).campaignId).toBeNull();
  });

  const refused: [string, Partial<SchedulePostInput>, { code: string; field: string | null }][] = [
    ["a time in the past", { scheduledAt: inDays(-1) }, { code: "IN_THE_PAST", field: "scheduledAt" }],
    ["a zone that does not exist", { timeZone: "Mars/Olympus" }, { code: "INVALID", field: "timeZone" }],
    ["a fixed offset instead of a zone", { timeZone: "+02:00" }, { code: "INVALID", field: "timeZone" }],
    ["an archived item", { contentItemId: ids.archivedItem }, { code: "INVALID", field: "contentItemId" }],
    [
      "another tenant's item",
      { contentItemId: ids.otherItem },
      { code: "NOT_FOUND", field: "contentItemId" },
    ],
    [
      "another tenant's connector",
      { connectorId: ids.otherLog },
      { code: "NOT_FOUND", field: "connectorId" },
    ],
    ["a disabled connector", { connectorId: ids.disabled }, { code: "INVALID", field: "connectorId" }],
    [
      "LinkedIn over SMTP",
      { connectorId: ids.smtp, channel: "linkedin" },
      { code: "INVALID", field: "channel" },
    ],
    [
      "e-mail over a webhook",
      { connectorId: ids.webhook, channel: "email" },
      { code: "INVALID", field: "channel" },
    ],
    ["a finished campaign", { campaignId: ids.completedCampaign }, { code: "INVALID", field: "campaignId" }],
  ];
  it.each(refused)("refuses %s", async (_name, over, error) => {
    expect(await errorOf(schedule(over))).toEqual([error]);
  });

  it("accepts e-mail over SMTP, social channels over a webhook, anything over the log", async () => {
    await expect(schedule({ connectorId: ids.smtp, channel: "email" })).resolves.toMatchObject({
      channel: "email",
    });
    await expect(schedule({ connectorId: ids.webhook, channel: "instagram" })).resolves.toMatchObject({
      channel: "instagram",
    });
    await expect(schedule({ connectorId: ids.log, channel: "blog" })).resolves.toMatchObject({
      channel: "blog",
    });
  });

  it("is refused to a viewer", async () => {
    const viewer = as(
      (ctx) =>
        schedulePost(ctx, {
          contentItemId: ids.item,
          connectorId: ids.log,
          channel: "x",
          scheduledAt: inDays(1),
          timeZone: "UTC",
        }),
      "viewer",
    );
    expect(await errorOf(viewer)).toEqual([{ code: "FORBIDDEN", field: null }]);
  });
});

describe("rescheduling rules", () => {
  type Change = (p: ScheduledPostRow) => Partial<ReschedulePostInput> | Promise<Partial<ReschedulePostInput>>;
  const rules: [string, ScheduledPostStatus, Change, string | null][] = [
    ["a scheduled post to a later time", "scheduled", () => ({ scheduledAt: inDays(10) }), null],
    [
      "a scheduled post to another day",
      "scheduled",
      () => ({ date: local(inDays(6), "UTC").slice(0, 10) }),
      null,
    ],
    ["a failed post (scheduled again)", "failed", () => ({ scheduledAt: inDays(4) }), null],
    [
      "into the past (exact time)",
      "scheduled",
      () => ({ scheduledAt: inDays(-2) }),
      "IN_THE_PAST:scheduledAt",
    ],
    ["into the past (day)", "scheduled", () => ({ date: "2020-01-15" }), "IN_THE_PAST:date"],
    ["a published post", "published", () => ({ scheduledAt: inDays(4) }), "INVALID_TRANSITION:id"],
    ["a post being published", "publishing", () => ({ scheduledAt: inDays(4) }), "INVALID_TRANSITION:id"],
    ["a cancelled post", "cancelled", () => ({ scheduledAt: inDays(4) }), "INVALID_TRANSITION:id"],
    [
      "with a stale version",
      "scheduled",
      async (p) => {
        await reschedule(p, { scheduledAt: inDays(11) }); // someone else moved it meanwhile
        return { scheduledAt: inDays(12) };
      },
      "CONFLICT:version",
    ],
    [
      "with both a time and a day",
      "scheduled",
      () => ({ scheduledAt: inDays(4), date: "2099-01-01" }),
      "INVALID:scheduledAt",
    ],
    ["with neither a time nor a day", "scheduled", () => ({}), "INVALID:scheduledAt"],
    [
      "into a zone that does not exist",
      "scheduled",
      () => ({ scheduledAt: inDays(4), timeZone: "Nowhere/Land" }),
      "INVALID:timeZone",
    ],
  ];

  it.each(rules)("%s", async (_name, status, change, expected) => {
    const post = await postIn(status);
    const input = await change(post);
    const [before] = await h.owner`select status, version from scheduled_posts where id = ${post.id}`;
    const result = reschedule(post, input);
    if (expected === null) {
      const moved = await result;
      expect(moved).toMatchObject({ status: "scheduled", version: post.version + 1, nextAttemptAt: null });
      expect(moved.attempts).toBe(status === "failed" ? 3 : 0);
    } else {
      const [code, field] = expected.split(":");
      expect(await errorOf(result)).toEqual([{ code, field }]);
      const [row] = await h.owner`select status, version from scheduled_posts where id = ${post.id}`;
      expect(row).toEqual(before);
    }
  });

  it("keeps 09:00 Europe/Rome when moved across the spring-forward change (UTC moves an hour earlier)", async () => {
    const change = nextChange("Europe/Rome", "forward");
    const from = change.minus({ days: 1 }).set({ hour: 9 });
    const post = await schedule({ scheduledAt: from.toJSDate(), timeZone: "Europe/Rome" });
    const moved = await reschedule(post, { date: change.plus({ days: 1 }).toISODate()! });
    expect(local(moved.scheduledAt, "Europe/Rome")).toBe(`${change.plus({ days: 1 }).toISODate()} 09:00`);
    expect(DateTime.fromJSDate(moved.scheduledAt, { zone: "UTC" }).hour).toBe(7);
    expect(DateTime.fromJSDate(post.scheduledAt, { zone: "UTC" }).hour).toBe(8);
    expect(moved.timeZone).toBe("Europe/Rome");
  });

  it("keeps 09:00 America/New_York when moved across the fall-back change (UTC moves an hour later)", async () => {
    const change = nextChange("America/New_York", "back");
    const from = change.minus({ days: 1 }).set({ hour: 9 });
    const post = await schedule({ scheduledAt: from.toJSDate(), timeZone: "America/New_York" });
    const target = change.plus({ days: 1 }).toISODate()!;
    const moved = await reschedule(post, { date: target });
    expect(local(moved.scheduledAt, "America/New_York")).toBe(`${target} 09:00`);
    expect(DateTime.fromJSDate(post.scheduledAt, { zone: "UTC" }).hour).toBe(13);
    expect(DateTime.fromJSDate(moved.scheduledAt, { zone: "UTC" }).hour).toBe(14);
    // And back again, to the day before the change: 13:00Z once more.
    const back = await reschedule(moved, { date: change.minus({ days: 1 }).toISODate()! });
    expect(back.scheduledAt).toEqual(post.scheduledAt);
  });

  it("moves to another day in a new zone keeping the wall-clock time, and an exact time keeps the instant", async () => {
    const post = await schedule({
      scheduledAt: DateTime.fromObject({ hour: 9 }, { zone: "Europe/Rome" }).plus({ days: 3 }).toJSDate(),
    });
    const day = DateTime.now().plus({ days: 8 }).toISODate()!;
    const moved = await reschedule(post, { date: day, timeZone: "America/New_York" });
    expect(moved.timeZone).toBe("America/New_York");
    expect(local(moved.scheduledAt, "America/New_York")).toBe(`${day} 09:00`);
    const exact = inDays(9);
    const again = await reschedule(moved, { scheduledAt: exact, timeZone: "Asia/Tokyo" });
    expect(again).toMatchObject({ scheduledAt: exact, timeZone: "Asia/Tokyo", version: 3 });
    const [audit] =
      await h.owner`select before->>'timeZone' as "from", after->>'timeZone' as "to" from audit_logs
      where entity_id = ${post.id} and action = 'scheduled_post.rescheduled' order by created_at desc limit 1`;
    expect(audit).toEqual({ from: "America/New_York", to: "Asia/Tokyo" });
  });

  it("does not find another tenant's post", async () => {
    const theirs = await as(
      (ctx) =>
        schedulePost(ctx, {
          contentItemId: ids.otherItem,
          connectorId: ids.otherLog,
          channel: "x",
          scheduledAt: inDays(2),
          timeZone: "UTC",
        }),
      "owner",
      otherAccount,
    );
    expect(await errorOf(reschedule(theirs, { scheduledAt: inDays(3) }))).toEqual([
      { code: "NOT_FOUND", field: "id" },
    ]);
    expect(await errorOf(as((ctx) => cancelPost(ctx, { id: theirs.id, version: 1 })))).toEqual([
      { code: "NOT_FOUND", field: "id" },
    ]);
  });
});

describe("cancel, retry and publish now", () => {
  const statuses: ScheduledPostStatus[] = ["scheduled", "publishing", "published", "failed", "cancelled"];
  const cases = statuses.flatMap((status) => [
    ["cancel", status, status === "scheduled" || status === "failed"] as const,
    ["retry", status, status === "failed"] as const,
    ["publish now", status, status === "scheduled"] as const,
  ]);
  const ops = { cancel: cancelPost, retry: retryPost, "publish now": publishPostNow };
  const resulting = { cancel: "cancelled", retry: "scheduled", "publish now": "scheduled" } as const;

  it.each(cases)("%s a %s post: allowed %s", async (op, status, allowed) => {
    const post = await postIn(status);
    const result = as((ctx) => ops[op](ctx, { id: post.id, version: post.version }));
    if (allowed) {
      await expect(result).resolves.toMatchObject({ status: resulting[op], version: post.version + 1 });
    } else {
      expect(await errorOf(result)).toEqual([{ code: "INVALID_TRANSITION", field: "id" }]);
    }
  });

  it("refuses a stale version", async () => {
    const post = await postIn("scheduled");
    expect(await errorOf(as((ctx) => cancelPost(ctx, { id: post.id, version: post.version + 1 })))).toEqual([
      { code: "CONFLICT", field: "version" },
    ]);
  });

  it("retries a failed post keeping its attempts, due at once", async () => {
    const post = await postIn("failed", { scheduledAt: inDays(1) });
    await h.owner`update scheduled_posts set scheduled_at = now() - interval '1 hour' where id = ${post.id}`;
    const retried = await as((ctx) => retryPost(ctx, { id: post.id, version: post.version }));
    expect(retried).toMatchObject({ status: "scheduled", attempts: 3, nextAttemptAt: null });
    expect(await due()).toContain(post.id);
  });

  it("publishes now: the post becomes due for the publisher", async () => {
    const post = await postIn("scheduled", { scheduledAt: inDays(20) });
    expect(await due()).not.toContain(post.id);
    const now = await as((ctx) => publishPostNow(ctx, { id: post.id, version: post.version }));
    expect(now.scheduledAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await due()).toContain(post.id);
  });

  it("schedules draft content ahead, but will not publish it now before it is approved", async () => {
    const post = await postIn("scheduled", { contentItemId: ids.draftItem });
    expect(post.campaignId).toBeNull();
    expect(await errorOf(as((ctx) => publishPostNow(ctx, { id: post.id, version: post.version })))).toEqual([
      { code: "INVALID", field: "id" },
    ]);
    expect(await due()).not.toContain(post.id);
  });
});

/** The posts the publisher's finder returns now, as the application role calls it. */
const due = () =>
  withTenant(h.db, { accountId: null, accountIds: [], userId: null, apiKeyId: null }, (tx) =>
    tx.execute<{ post_id: string }>(sql`select post_id from app.due_posts(1000, 300)`),
  ).then((rows) => rows.map((r) => r.post_id));
