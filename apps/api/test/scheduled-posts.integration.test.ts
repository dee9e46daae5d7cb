// The calendar over HTTP: schedule, move to another day keeping the local time, cancel, retry,
// publish now; calendar filters; an agency owner's calendar across two sub-accounts and the
// refusal of accounts outside her scope; another tenant's post; campaign detail with stats; and
// the statements per request staying flat as posts and campaigns grow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const OLIVIA = "olivia.owner@northwind.test";
const MIA = "mia.member@northwind.test";
const DAY = 86_400_000;

let h: Harness;
const accounts: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  for (const a of await h.owner.sql<{ id: string; slug: string }[]>`select id, slug from accounts`) {
    accounts[a.slug] = a.id;
  }
});
afterAll(async () => {
  await h?.close();
});

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

interface Post {
  id: string;
  status: string;
  channel: string;
  scheduledAt: string;
  scheduledAtLocal: string;
  timeZone: string;
  version: number;
  account: { slug: string };
}
interface UserError {
  field: string | null;
  code: string;
}
type Payload = { post: Post | null; userErrors: UserError[] };
const POST = `id status channel scheduledAt scheduledAtLocal timeZone version attempts
  account { id name slug } campaign { name } contentItem { title } connector { id name kind }`;

const gql = async <T>(as: string, account: string, query: string, variables: Record<string, unknown> = {}) =>
  (await h.gql<T>(query, { as, account, variables })).body;

const mutate = async (as: string, account: string, name: string, input: Record<string, unknown>) => {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const body = await gql<Record<string, Payload>>(
    as,
    account,
    `mutation($input: ${type}Input!) { ${name}(input: $input) { post { ${POST} } userErrors { field code } } }`,
    { input },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data![name]!;
};

/** The ids a schedulePost needs in `slug`, read behind the API's back. */
async function fixtures(slug: string) {
  const [item] = await h.owner.sql<{ id: string }[]>`
    select id from content_items where account_id = ${accounts[slug]!} and status <> 'archived' order by id limit 1`;
  const [connector] = await h.owner.sql<{ id: string }[]>`
    select id from connectors where account_id = ${accounts[slug]!} and kind = 'log' limit 1`;
  return { contentItemId: gid("ContentItem", item!.id), connectorId: gid("Connector", connector!.id) };
}

/** 09:00 in New York, `days` from now (the wall-clock time, whatever the offset that day). */
const nineInNewYork = (days: number) => {
  const day = new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  const probe = new Date(`${day}T13:00:00Z`);
  const hour = Number(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      hour: "numeric",
      hourCycle: "h23",
    }).format(probe),
  );
  return new Date(probe.getTime() + (9 - hour) * 3_600_000);
};

const calendar = (as: string, account: string, args: Record<string, unknown>, select = POST) =>
  gql<{ calendar: Post[] }>(
    as,
    account,
    `query($from: DateTime!, $to: DateTime!, $channels: [PostChannel!], $campaignIds: [ID!],
           $statuses: [ScheduledPostStatus!], $accountIds: [ID!]) {
       calendar(from: $from, to: $to, channels: $channels, campaignIds: $campaignIds, statuses: $statuses,
                accountIds: $accountIds) { ${select} } }`,
    args,
  );

const range = (fromDays: number, toDays: number) => ({
  from: new Date(Date.now() + fromDays * DAY).toISOString(),
  to: new Date(Date.now() + toDays * DAY).toISOString(),
});

describe("scheduling over GraphQL", () => {
  it("schedules, moves to another day keeping 09:00 local, and refuses the rules as userErrors", async () => {
    const ids = await fixtures("blue-bottle");
    const at = nineInNewYork(10);
    const scheduled = await mutate(SAM, "blue-bottle", "schedulePost", {
      ...ids,
      channel: "LINKEDIN",
      scheduledAt: at.toISOString(),
      timeZone: "America/New_York",
    });
    expect(scheduled.userErrors).toEqual([]);
    const post = scheduled.post!;
    expect(post).toMatchObject({
      status: "SCHEDULED",
      channel: "LINKEDIN",
      scheduledAt: at.toISOString(),
      timeZone: "America/New_York",
      version: 1,
      account: { slug: "blue-bottle", name: "Blue Bottle Bakery" },
      campaign: { name: "Winter menu launch" },
      contentItem: { title: "Pumpkin sourdough is back" },
      connector: { id: ids.connectorId, name: "Demo log (publishes to the server log)", kind: "LOG" },
    });
    expect(post.scheduledAtLocal).toMatch(/T09:00:00$/);

    const past = await mutate(SAM, "blue-bottle", "schedulePost", {
      ...ids,
      channel: "X",
      scheduledAt: new Date(Date.now() - DAY).toISOString(),
      timeZone: "America/New_York",
    });
    expect(past).toEqual({ post: null, userErrors: [{ field: "scheduledAt", code: "IN_THE_PAST" }] });
    const zone = await mutate(SAM, "blue-bottle", "schedulePost", {
      ...ids,
      channel: "X",
      scheduledAt: at.toISOString(),
      timeZone: "Atlantis/Capital",
    });
    expect(zone.userErrors).toEqual([{ field: "timeZone", code: "INVALID" }]);

    const day = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
    const moved = await mutate(SAM, "blue-bottle", "reschedulePost", { id: post.id, version: 1, date: day });
    expect(moved.post).toMatchObject({
      status: "SCHEDULED",
      version: 2,
      scheduledAtLocal: `${day}T09:00:00`,
    });
    const stale = await mutate(SAM, "blue-bottle", "reschedulePost", { id: post.id, version: 1, date: day });
    expect(stale).toEqual({ post: null, userErrors: [{ field: "version", code: "CONFLICT" }] });
    const intoPast = await mutate(SAM, "blue-bottle", "reschedulePost", {
      id: post.id,
      version: 2,
      date: "2024-01-10",
    });
    expect(intoPast.userErrors).toEqual([{ field: "date", code: "IN_THE_PAST" }]);

    const cancelled = await mutate(SAM, "blue-bottle", "cancelPost", { id: post.id, version: 2 });
    expect(cancelled.post).toMatchObject({ status: "CANCELLED", version: 3 });
    const again = await mutate(SAM, "blue-bottle", "reschedulePost", { id: post.id, version: 3, date: day });
    expect(again.userErrors).toEqual([{ field: "id", code: "INVALID_TRANSITION" }]);
  });

  it("refuses to move a published post, retries a failed one and publishes a scheduled one now", async () => {
    const [published] = await h.owner.sql<{ id: string; version: number }[]>`
      select id, version from scheduled_posts where account_id = ${accounts["blue-bottle"]!} and status = 'published' limit 1`;
    const moveIt = await mutate(SAM, "blue-bottle", "reschedulePost", {
      id: gid("ScheduledPost", published!.id),
      version: published!.version,
      scheduledAt: new Date(Date.now() + 5 * DAY).toISOString(),
    });
    expect(moveIt.userErrors).toEqual([{ field: "id", code: "INVALID_TRANSITION" }]);

    const ids = await fixtures("blue-bottle");
    const post = (
      await mutate(SAM, "blue-bottle", "schedulePost", {
        ...ids,
        channel: "FACEBOOK",
        scheduledAt: new Date(Date.now() + 30 * DAY).toISOString(),
        timeZone: "America/New_York",
      })
    ).post!;
    const now = await mutate(SAM, "blue-bottle", "publishPostNow", { id: post.id, version: 1 });
    expect(now.post).toMatchObject({ status: "SCHEDULED", version: 2 });
    expect(new Date(now.post!.scheduledAt).getTime()).toBeLessThanOrEqual(Date.now());

    // The publisher gave up on it (as the worker would leave it).
    await h.owner.sql`update scheduled_posts set status = 'failed', attempts = 5, last_error = 'boom',
      version = version + 1 where id = ${rawId(post.id)}`;
    const retried = await mutate(SAM, "blue-bottle", "retryPost", { id: post.id, version: 3 });
    expect(retried.post).toMatchObject({ status: "SCHEDULED", version: 4, attempts: 5 });
    const retryAgain = await mutate(SAM, "blue-bottle", "retryPost", { id: post.id, version: 4 });
    expect(retryAgain.userErrors).toEqual([{ field: "id", code: "INVALID_TRANSITION" }]);
  });

  it("refuses scheduling to a viewer", async () => {
    const ids = await fixtures("acme-outdoor");
    const body = await gql<{ schedulePost: Payload }>(
      "victor.viewer@northwind.test",
      "acme-outdoor",
      `mutation($input: SchedulePostInput!) { schedulePost(input: $input) { post { id } userErrors { field code } } }`,
      {
        input: {
          ...ids,
          channel: "X",
          scheduledAt: new Date(Date.now() + DAY).toISOString(),
          timeZone: "America/Denver",
        },
      },
    );
    expect(body.data!.schedulePost.userErrors).toEqual([{ field: null, code: "FORBIDDEN" }]);
  });
});

describe("the calendar", () => {
  it("answers the posts in range in time order, filtered by channel, campaign and status", async () => {
    const window = range(-10, 20);
    const all = (await calendar(SAM, "blue-bottle", window)).data!.calendar;
    const expected = await h.owner.sql<{ id: string }[]>`
      select id from scheduled_posts where account_id = ${accounts["blue-bottle"]!}
        and scheduled_at >= ${window.from} and scheduled_at < ${window.to} order by scheduled_at, id`;
    expect(all.map((p) => rawId(p.id))).toEqual(expected.map((r) => r.id));
    expect(all.length).toBeGreaterThanOrEqual(6);
    const times = all.map((p) => p.scheduledAt);
    expect(times).toEqual([...times].sort());

    const instagram = (await calendar(SAM, "blue-bottle", { ...window, channels: ["INSTAGRAM"] })).data!
      .calendar;
    expect(instagram.length).toBeGreaterThan(0);
    expect(instagram.every((p) => p.channel === "INSTAGRAM")).toBe(true);
    expect(instagram.length).toBe(all.filter((p) => p.channel === "INSTAGRAM").length);

    const published = (await calendar(SAM, "blue-bottle", { ...window, statuses: ["PUBLISHED"] })).data!
      .calendar;
    expect(published.length).toBe(2);
    expect(published.every((p) => p.status === "PUBLISHED")).toBe(true);

    const [campaign] = await h.owner.sql<{ id: string }[]>`
      select id from campaigns where account_id = ${accounts["blue-bottle"]!} and name = 'Winter menu launch'`;
    const inCampaign = await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from scheduled_posts where campaign_id = ${campaign!.id}
        and scheduled_at >= ${window.from} and scheduled_at < ${window.to}`;
    const byCampaign = (
      await calendar(
        SAM,
        "blue-bottle",
        { ...window, campaignIds: [gid("Campaign", campaign!.id)] },
        "id campaign { name }",
      )
    ).data!.calendar as unknown as { campaign: { name: string } }[];
    expect(byCampaign.length).toBe(inCampaign[0]!.n);
    expect(byCampaign.every((p) => p.campaign.name === "Winter menu launch")).toBe(true);

    const narrow = (await calendar(SAM, "blue-bottle", range(1, 2))).data!.calendar;
    expect(narrow.every((p) => Date.parse(p.scheduledAt) >= Date.now() + DAY)).toBe(true);
  });

  it("refuses a range wider than 62 days or upside down", async () => {
    const wide = await calendar(SAM, "blue-bottle", range(0, 63));
    expect(wide.data).toBeNull();
    expect(wide.errors![0]!.extensions!.code).toBe("INVALID");
    const reversed = await calendar(SAM, "blue-bottle", range(5, 1));
    expect(reversed.errors![0]!.extensions!.code).toBe("INVALID");
  });

  it("shows an agency owner the posts of chosen sub-accounts together, and nothing beyond her scope", async () => {
    // Cedar Dental has no content yet: one item, then a post scheduled by Olivia inside Cedar.
    await h.owner.sql`insert into content_items (id, account_id, type, status, title, body)
      values (gen_random_uuid(), ${accounts["cedar-dental"]!}, 'social_post', 'approved', 'Floss day', 'Floss!')`;
    const cedar = await mutate(OLIVIA, "cedar-dental", "schedulePost", {
      ...(await fixtures("cedar-dental")),
      channel: "FACEBOOK",
      scheduledAt: new Date(Date.now() + 4 * DAY).toISOString(),
      timeZone: "Europe/Rome",
    });
    expect(cedar.userErrors).toEqual([]);

    const window = range(-10, 20);
    const both = [gid("Account", accounts["acme-outdoor"]!), gid("Account", accounts["cedar-dental"]!)];
    const agency = (await calendar(OLIVIA, "northwind", { ...window, accountIds: both })).data!.calendar;
    const slugs = new Set(agency.map((p) => p.account.slug));
    expect(slugs).toEqual(new Set(["acme-outdoor", "cedar-dental"]));
    const expected = await h.owner.sql<{ n: number }[]>`
      select count(*)::int as n from scheduled_posts
       where account_id in (${accounts["acme-outdoor"]!}, ${accounts["cedar-dental"]!})
         and scheduled_at >= ${window.from} and scheduled_at < ${window.to}`;
    expect(agency.length).toBe(expected[0]!.n);
    const times = agency.map((p) => p.scheduledAt);
    expect(times).toEqual([...times].sort());

    // Without accountIds: the current account only (the agency itself has no posts).
    expect((await calendar(OLIVIA, "northwind", window)).data!.calendar).toEqual([]);

    // Another tenant's account, asked alone or among hers: refused, no rows.
    for (const accountIds of [
      [gid("Account", accounts["blue-bottle"]!)],
      [...both, gid("Account", accounts["blue-bottle"]!)],
    ]) {
      const other = await calendar(OLIVIA, "northwind", { ...window, accountIds });
      expect(other.data).toBeNull();
      expect(other.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    }
    // Acting inside one client, the sibling client is out of scope; an agency member has no clients.
    const sibling = await calendar(OLIVIA, "acme-outdoor", {
      ...window,
      accountIds: [gid("Account", accounts["cedar-dental"]!)],
    });
    expect(sibling.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const member = await calendar(MIA, "northwind", { ...window, accountIds: both });
    expect(member.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("does not let another tenant read or change a post", async () => {
    const [theirs] = await h.owner.sql<{ id: string; version: number }[]>`
      select id, version from scheduled_posts where account_id = ${accounts["blue-bottle"]!}
        and status = 'scheduled' limit 1`;
    const id = gid("ScheduledPost", theirs!.id);
    for (const name of ["reschedulePost", "cancelPost", "publishPostNow"]) {
      const input: Record<string, unknown> = { id, version: theirs!.version };
      if (name === "reschedulePost") input.scheduledAt = new Date(Date.now() + 3 * DAY).toISOString();
      const answer = await mutate(OLIVIA, "acme-outdoor", name, input);
      expect(answer).toEqual({ post: null, userErrors: [{ field: "id", code: "NOT_FOUND" }] });
    }
    const node = await gql<{ node: unknown }>(
      OLIVIA,
      "northwind",
      `query($id: ID!) { node(id: $id) { id } }`,
      {
        id,
      },
    );
    expect(node.data!.node).toBeNull();
    const [after] = await h.owner.sql`select version, status from scheduled_posts where id = ${theirs!.id}`;
    expect(after).toEqual({ version: theirs!.version, status: "scheduled" });
  });
});

describe("campaign detail", () => {
  const CAMPAIGNS = `query { campaigns(first: 10) { nodes { name
    stats { contentItems scheduled publishing published failed cancelled }
    posts(first: 10) { totalCount nodes { scheduledAt account { slug } contentItem { title } } } } } }`;

  it("answers a campaign with its posts in time order and its stats", async () => {
    const [campaign] = await h.owner.sql<{ id: string }[]>`
      select id from campaigns where account_id = ${accounts["acme-outdoor"]!} and name = 'Winter gear 2026'`;
    const body = await gql<{
      campaign: {
        name: string;
        stats: Record<string, number>;
        posts: { totalCount: number; nodes: { scheduledAt: string; status: string }[] };
      };
    }>(
      OLIVIA,
      "acme-outdoor",
      `query($id: ID!) { campaign(id: $id) { name stats { contentItems scheduled publishing published failed cancelled }
         posts(first: 50) { totalCount nodes { scheduledAt status } } } }`,
      { id: gid("Campaign", campaign!.id) },
    );
    const detail = body.data!.campaign;
    const [counts] = await h.owner.sql<Record<string, number>[]>`
      select (select count(*)::int from content_items where campaign_id = ${campaign!.id} and status <> 'archived') as "contentItems",
             count(*) filter (where status = 'scheduled')::int as scheduled,
             count(*) filter (where status = 'publishing')::int as publishing,
             count(*) filter (where status = 'published')::int as published,
             count(*) filter (where status = 'failed')::int as failed,
             count(*) filter (where status = 'cancelled')::int as cancelled
        from scheduled_posts where campaign_id = ${campaign!.id}`;
    expect(detail.stats).toEqual(counts);
    expect(detail.stats.published).toBe(1);
    expect(detail.posts.totalCount).toBe(
      Object.values(counts!).reduce((a, b) => a + b, 0) - counts!.contentItems!,
    );
    const times = detail.posts.nodes.map((p) => p.scheduledAt);
    expect(times).toEqual([...times].sort());

    // Another tenant's campaign id: nothing.
    const [bakery] = await h.owner.sql<{ id: string }[]>`
      select id from campaigns where account_id = ${accounts["blue-bottle"]!} limit 1`;
    const foreign = await gql<{ campaign: unknown }>(
      OLIVIA,
      "acme-outdoor",
      `query($id: ID!) { campaign(id: $id) { name } }`,
      {
        id: gid("Campaign", bakery!.id),
      },
    );
    expect(foreign.data!.campaign).toBeNull();
  });

  it("keeps the statements per request flat as campaigns and posts grow", async () => {
    const measure = async (run: () => Promise<{ data?: unknown; errors?: unknown }>) => {
      h.counter.reset();
      const answer = await run();
      expect(answer.errors).toBeUndefined();
      return h.counter.count;
    };
    const agencyCalendar = () =>
      calendar(OLIVIA, "northwind", {
        ...range(-10, 50),
        accountIds: [gid("Account", accounts["acme-outdoor"]!), gid("Account", accounts["cedar-dental"]!)],
      });
    const listCampaigns = () => gql(SAM, "blue-bottle", CAMPAIGNS);
    const before = { calendar: await measure(agencyCalendar), campaigns: await measure(listCampaigns) };
    const first = (await agencyCalendar()).data!.calendar.length;

    // More posts in both clients, and a second campaign with posts at the bakery.
    for (const [slug, zone] of [
      ["acme-outdoor", "America/Denver"],
      ["cedar-dental", "Europe/Rome"],
    ] as const) {
      const ids = await fixtures(slug);
      for (const days of [5, 6, 7]) {
        const answer = await mutate(OLIVIA, slug, "schedulePost", {
          ...ids,
          channel: "X",
          scheduledAt: new Date(Date.now() + days * DAY).toISOString(),
          timeZone: zone,
        });
        expect(answer.userErrors).toEqual([]);
      }
    }
    const created = await gql<{ createCampaign: { campaign: { id: string } } }>(
      SAM,
      "blue-bottle",
      `mutation { createCampaign(input: { fields: { name: "Spring bakes", type: SOCIAL } }) { campaign { id } } }`,
    );
    const spring = created.data!.createCampaign.campaign.id;
    for (const days of [8, 9]) {
      await mutate(SAM, "blue-bottle", "schedulePost", {
        ...(await fixtures("blue-bottle")),
        campaignId: spring,
        channel: "INSTAGRAM",
        scheduledAt: new Date(Date.now() + days * DAY).toISOString(),
        timeZone: "America/New_York",
      });
    }

    const grown = (await agencyCalendar()).data!.calendar;
    expect(grown.length).toBe(first + 6);
    const campaigns = (await listCampaigns()) as {
      data: { campaigns: { nodes: { name: string; stats: { scheduled: number } }[] } };
    };
    expect(campaigns.data.campaigns.nodes.find((c) => c.name === "Spring bakes")!.stats.scheduled).toBe(2);
    expect(await measure(agencyCalendar)).toBe(before.calendar);
    expect(await measure(listCampaigns)).toBe(before.campaigns);
  });
});
