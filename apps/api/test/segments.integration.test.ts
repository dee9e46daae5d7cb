// Segments over HTTP: invalid condition trees answered with userErrors at their field paths, a
// dynamic segment's members and count, previews, static members by hand, one tenant unable to see
// or change another's segments, and Segment.members read in a number of statements that does not
// grow with the segments or their members.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const OLIVIA = "olivia.owner@northwind.test";
const VICTOR = "victor.viewer@northwind.test";
const BLUE = { user: SAM, account: "blue-bottle" };
let h: Harness;
let blueBottle: string;
let acme: string;

beforeAll(async () => {
  h = await startHarness();
  const accounts = await h.owner.sql<{ id: string; slug: string }[]>`
    select id, slug from accounts where slug in ('blue-bottle', 'acme-outdoor')`;
  blueBottle = accounts.find((a) => a.slug === "blue-bottle")!.id;
  acme = accounts.find((a) => a.slug === "acme-outdoor")!.id;
});
afterAll(async () => {
  await h?.close();
});

interface UserError {
  field: string | null;
  code: string;
  message?: string;
}
interface Segment {
  id: string;
  name: string;
  kind: string;
  memberCount: number;
  version: number;
  lastCalculatedAt: string | null;
}
const SEGMENT = "id name kind memberCount version lastCalculatedAt conditions";

const call = async <T>(query: string, variables: Record<string, unknown>, as = BLUE) =>
  (await h.gql<T>(query, { as: as.user, account: as.account, variables })).body;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** Contacts inserted behind the API's back, with a plan attribute. */
async function contacts(account: string, prefix: string, n: number, plan: string): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await h.owner.sql`insert into contacts (id, account_id, email, attributes)
      values (${id}, ${account}, ${`${prefix}${i}@segments.test`}, ${h.owner.sql.json({ plan })})`;
  }
  return ids;
}

const createSegment = (input: Record<string, unknown>, as = BLUE) =>
  call<{ createSegment: { segment: Segment | null; userErrors: UserError[] } }>(
    `mutation($input: CreateSegmentInput!) {
      createSegment(input: $input) { segment { ${SEGMENT} } userErrors { field code message } } }`,
    { input },
    as,
  );

const plan = (value: string) => ({ kind: "attribute", key: "plan", op: "eq", value });

describe("segments over GraphQL", () => {
  it("answers invalid condition trees with userErrors at their field paths", async () => {
    const refused = await createSegment({
      name: "API broken",
      conditions: {
        kind: "and",
        conditions: [
          plan("x"),
          { kind: "attribute", key: "age", op: "gt", value: [1, 2] },
          { kind: "tag", op: "has" },
        ],
      },
    });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.createSegment).toMatchObject({
      segment: null,
      userErrors: [{ field: "conditions.conditions.2.tag", code: "INVALID" }],
    });
    const meaning = await createSegment({
      name: "API broken",
      conditions: {
        kind: "or",
        conditions: [plan("x"), { kind: "attribute", key: "age", op: "gt", value: "old" }],
      },
    });
    expect(meaning.data!.createSegment.userErrors).toEqual([
      { field: "conditions.conditions.1.value", code: "INVALID", message: expect.stringContaining("number") },
    ]);
    const notATree = await createSegment({ name: "API broken", conditions: "plan = pro" });
    expect(notATree.data!.createSegment.userErrors).toMatchObject([{ field: "conditions", code: "INVALID" }]);
    const none = await h.owner.sql`select 1 from marketing_segments where name = 'API broken'`;
    expect(none).toHaveLength(0);
  });

  it("creates a dynamic segment with its members, lists and searches it, and previews trees", async () => {
    await contacts(blueBottle, "gold", 3, "gold");
    await contacts(blueBottle, "tin", 2, "tin");
    const created = await createSegment({
      name: "API Gold",
      description: "Gold plan",
      conditions: plan("GOLD"),
    });
    const segment = created.data!.createSegment.segment!;
    expect(segment).toMatchObject({ kind: "DYNAMIC", memberCount: 3, version: 1 });
    expect(segment.lastCalculatedAt).not.toBeNull();

    const read = await call<{
      segment: { members: { totalCount: number; nodes: { email: string }[] } };
      segments: { totalCount: number; nodes: { name: string }[] };
    }>(
      `query($id: ID!) {
        segment(id: $id) { members(first: 2) { totalCount nodes { email } } }
        segments(first: 10, search: "gold") { totalCount nodes { name } } }`,
      { id: segment.id },
    );
    expect(read.data!.segment.members.totalCount).toBe(3);
    expect(read.data!.segment.members.nodes).toHaveLength(2);
    const pages = await call<{
      segment: {
        members: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { email: string }[] };
      };
    }>(
      `query($id: ID!, $after: String) {
        segment(id: $id) { members(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { email } } } }`,
      { id: segment.id },
    );
    const next = await call<typeof pages.data>(
      `query($id: ID!, $after: String) {
        segment(id: $id) { members(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { email } } } }`,
      { id: segment.id, after: pages.data!.segment.members.pageInfo.endCursor },
    );
    expect(pages.data!.segment.members.pageInfo.hasNextPage).toBe(true);
    expect(next!.data!.segment.members.pageInfo.hasNextPage).toBe(false);
    const emails = [...pages.data!.segment.members.nodes, ...next!.data!.segment.members.nodes].map(
      (n) => n.email,
    );
    expect(emails.sort()).toEqual(["gold0@segments.test", "gold1@segments.test", "gold2@segments.test"]);
    expect(read.data!.segments).toEqual({ totalCount: 1, nodes: [{ name: "API Gold" }] });

    const preview = await call<{
      segmentPreview: { count: number; sample: { email: string }[]; problems: UserError[] };
    }>(
      `query($c: JSON!) { segmentPreview(conditions: $c) { count sample { email } problems { field code } } }`,
      { c: { kind: "or", conditions: [plan("gold"), plan("tin")] } },
    );
    expect(preview.data!.segmentPreview.count).toBe(5);
    expect(preview.data!.segmentPreview.sample).toHaveLength(5);
    const bad = await call<{ segmentPreview: { count: number; problems: UserError[] } }>(
      `query($c: JSON!) { segmentPreview(conditions: $c) { count problems { field code } } }`,
      { c: { kind: "not", condition: { kind: "segment", segmentId: randomUUID(), op: "member" } } },
    );
    expect(bad.data!.segmentPreview).toEqual({
      count: 0,
      problems: [{ field: "conditions.condition.segmentId", code: "NOT_FOUND" }],
    });

    const updated = await call<{ updateSegment: { segment: Segment | null; userErrors: UserError[] } }>(
      `mutation($input: UpdateSegmentInput!) {
        updateSegment(input: $input) { segment { ${SEGMENT} } userErrors { field code } } }`,
      {
        input: {
          id: segment.id,
          version: 1,
          conditions: { kind: "or", conditions: [plan("gold"), plan("tin")] },
        },
      },
    );
    expect(updated.data!.updateSegment.segment).toMatchObject({ version: 2, memberCount: 5 });
  });

  it("changes static segments by hand with contact ids", async () => {
    const [a, b] = await contacts(blueBottle, "static", 2, "none");
    const list = (await createSegment({ name: "API list", kind: "STATIC" })).data!.createSegment.segment!;
    const added = await call<{
      addSegmentMembers: { changed: number; segment: Segment; userErrors: UserError[] };
    }>(
      `mutation($input: AddSegmentMembersInput!) {
        addSegmentMembers(input: $input) { changed segment { memberCount } userErrors { field code } } }`,
      { input: { id: list.id, contactIds: [globalId("Contact", a!), globalId("Contact", b!)] } },
    );
    expect(added.data!.addSegmentMembers).toMatchObject({
      changed: 2,
      segment: { memberCount: 2 },
      userErrors: [],
    });
    const wrongType = await call<{ addSegmentMembers: { userErrors: UserError[] } }>(
      `mutation($input: AddSegmentMembersInput!) { addSegmentMembers(input: $input) { userErrors { field code } } }`,
      { input: { id: list.id, contactIds: [globalId("Segment", a!)] } },
    );
    expect(wrongType.data!.addSegmentMembers.userErrors).toEqual([
      { field: "contactIds.0", code: "NOT_FOUND" },
    ]);
    const removed = await call<{ removeSegmentMembers: { changed: number; segment: Segment } }>(
      `mutation($input: RemoveSegmentMembersInput!) {
        removeSegmentMembers(input: $input) { changed segment { memberCount } } }`,
      { input: { id: list.id, contactIds: [globalId("Contact", a!)] } },
    );
    expect(removed.data!.removeSegmentMembers).toMatchObject({ changed: 1, segment: { memberCount: 1 } });
  });

  it("keeps each tenant's segments to itself", async () => {
    await contacts(acme, "acme", 2, "gold");
    const mine = (await createSegment({ name: "API private", conditions: plan("gold") })).data!.createSegment
      .segment!;
    const olivia = { user: OLIVIA, account: "acme-outdoor" };
    const seen = await call<{ segment: Segment | null; segments: { nodes: { name: string }[] } }>(
      `query($id: ID!) { segment(id: $id) { id } segments(first: 50) { nodes { name } } }`,
      { id: mine.id },
      olivia,
    );
    expect(seen.data!.segment).toBeNull();
    expect(seen.data!.segments.nodes.map((n) => n.name)).not.toContain("API private");
    const changed = await call<{ updateSegment: { userErrors: UserError[] } }>(
      `mutation($input: UpdateSegmentInput!) { updateSegment(input: $input) { userErrors { field code } } }`,
      { input: { id: mine.id, version: 1, name: "Stolen" } },
      olivia,
    );
    expect(changed.data!.updateSegment.userErrors).toEqual([{ field: "id", code: "NOT_FOUND" }]);
    // The same tree counts only the caller's own contacts.
    const theirs = await createSegment({ name: "API acme gold", conditions: plan("gold") }, olivia);
    expect(theirs.data!.createSegment.segment!.memberCount).toBe(2);
    // Viewers read but do not write.
    const viewer = { user: VICTOR, account: "acme-outdoor" };
    const denied = await createSegment({ name: "API viewer", conditions: plan("gold") }, viewer);
    expect(denied.data!.createSegment.userErrors).toMatchObject([{ code: "FORBIDDEN" }]);
    const read = await call<{ segments: { totalCount: number } }>(
      `query { segments(first: 5, search: "acme gold") { totalCount } }`,
      {},
      viewer,
    );
    expect(read.data!.segments.totalCount).toBe(1);
  });

  it("reads segments with their members in statements that do not grow with either", async () => {
    const query = `query { segments(first: 5, search: "API count") {
      nodes { name memberCount members(first: 20) { totalCount nodes { email tags } edges { cursor node { id firstName } } } } } }`;
    await contacts(blueBottle, "count", 2, "count");
    await createSegment({ name: "API count 1", conditions: plan("count") });
    h.counter.reset();
    const small = await call<{ segments: { nodes: { members: { nodes: unknown[] } }[] } }>(query, {});
    const statements = h.counter.count;
    expect(small.errors).toBeUndefined();
    // The request's prologue (tenant scope, access) and ONE query: segments with members' fields
    // (whether under nodes or edges.node) planned into it.
    expect(statements).toBeLessThanOrEqual(4);
    expect(small.data!.segments.nodes[0]!.members.nodes).toHaveLength(2);

    await contacts(blueBottle, "count-more", 10, "count");
    await createSegment({ name: "API count 2", conditions: plan("count") });
    await createSegment({ name: "API count 3", conditions: plan("count") });
    await call(`mutation($input: RefreshSegmentInput!) { refreshSegment(input: $input) { entered } }`, {
      input: { id: await firstSegmentId("API count 1") },
    });
    h.counter.reset();
    const large = await call<{
      segments: { nodes: { members: { totalCount: number; nodes: unknown[] } }[] };
    }>(query, {});
    expect(large.data!.segments.nodes).toHaveLength(3);
    expect(large.data!.segments.nodes.map((n) => n.members.nodes.length)).toEqual([12, 12, 12]);
    expect(large.data!.segments.nodes.map((n) => n.members.totalCount)).toEqual([12, 12, 12]);
    expect(h.counter.count).toBe(statements);
  });
});

async function firstSegmentId(name: string): Promise<string> {
  const [row] = await h.owner.sql<{ id: string }[]>`select id from marketing_segments where name = ${name}`;
  return globalId("Segment", row!.id);
}
