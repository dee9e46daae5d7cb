// Segments on real PostgreSQL: saving validates the tree (field paths, references, loops), a
// dynamic segment's members are computed at once and kept by full and incremental refreshes with
// entry and exit times, member counts stay right, concurrent refreshes do not double members,
// static segments change by hand, previews count without saving, deleting is refused while in use,
// and the periodic refresh walks every tenant.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateJourney,
  addSegmentMembers,
  type Condition,
  createJourney,
  createSegment,
  deleteSegment,
  type OperationContext,
  previewSegment,
  publishJourney,
  refreshContactMemberships,
  refreshDynamicSegments,
  refreshSegment,
  removeSegmentMembers,
  updateJourney,
  updateSegment,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const shop = randomUUID();
const rival = randomUUID();
const user = randomUUID();
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'segments@example.test', 'Seg')`;
  await h.owner`insert into accounts (id, name, slug) values (${shop}, 'Shop', 'shop'), (${rival}, 'Rival', 'rival')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(
  op: (ctx: OperationContext) => Promise<T>,
  options: { role?: "member" | "viewer"; account?: string } = {},
) => h.run({ accountId: options.account ?? shop, userId: user, role: options.role ?? "member" }, op);

async function contact(
  email: string,
  attributes: Record<string, unknown> = {},
  account = shop,
): Promise<string> {
  const id = randomUUID();
  await h.owner`insert into contacts (id, account_id, email, attributes)
                values (${id}, ${account}, ${email}, ${h.owner.json(attributes as never)})`;
  return id;
}

const plan = (value: string): Condition => ({ kind: "attribute", key: "plan", op: "eq", value });

async function memberships(segmentId: string) {
  return h.owner<{ contact_id: string; entered_at: Date; exited_at: Date | null }[]>`
    select contact_id, entered_at, exited_at from segment_memberships
     where segment_id = ${segmentId} order by entered_at, contact_id`;
}
async function memberCount(segmentId: string): Promise<number> {
  const [row] = await h.owner<
    { member_count: number }[]
  >`select member_count from marketing_segments where id = ${segmentId}`;
  return row!.member_count;
}

describe("saving a segment", () => {
  it("refuses invalid trees with every problem at its field path", async () => {
    const refused = as((ctx) =>
      createSegment(ctx, {
        name: "Broken",
        conditions: {
          kind: "and",
          conditions: [
            { kind: "attribute", key: "age", op: "gt", value: "old" },
            { kind: "attribute", key: "plan", op: "in", value: "pro" },
            { kind: "attribute", key: "plan", op: "exists", value: "x" },
            { kind: "tag", op: "has", tag: "vip" },
            { kind: "field", field: "email", op: "gt", value: "a" },
            { kind: "date", attribute: "birthday", op: "within_next_days", value: "soon" },
          ],
        },
      }),
    );
    await expect(refused).rejects.toMatchObject({
      errors: [
        {
          field: "conditions.conditions.0.value",
          code: "INVALID",
          message: expect.stringContaining("number"),
        },
        { field: "conditions.conditions.1.value", code: "INVALID", message: expect.stringContaining("list") },
        {
          field: "conditions.conditions.2.value",
          code: "INVALID",
          message: expect.stringContaining("no value"),
        },
        { field: "conditions.conditions.4.op", code: "INVALID" },
        { field: "conditions.conditions.5.value", code: "INVALID" },
      ],
    });
    await expect(
      as((ctx) =>
        createSegment(ctx, { name: "Shape", conditions: { kind: "or", conditions: [{ kind: "nope" }] } }),
      ),
    ).rejects.toMatchObject({ errors: [{ field: "conditions.conditions.0.kind", code: "INVALID" }] });
    await expect(
      as((ctx) =>
        createSegment(ctx, {
          name: "Key",
          conditions: { kind: "attribute", key: "a'; drop table contacts; --", op: "exists" },
        }),
      ),
    ).rejects.toMatchObject({ errors: [{ field: "conditions.key", code: "INVALID" }] });
    const [row] = await h.owner`select count(*)::int as n from marketing_segments where account_id = ${shop}`;
    expect(row!.n).toBe(0);
  });

  it("refuses trees nested deeper than MAX_DEPTH", async () => {
    let tree: Condition = plan("pro");
    for (let i = 0; i < 8; i++) tree = { kind: "not", condition: tree };
    await expect(as((ctx) => createSegment(ctx, { name: "Deep", conditions: tree }))).rejects.toMatchObject({
      errors: [{ code: "INVALID", message: expect.stringContaining("8 levels") }],
    });
  });

  it("refuses references to unknown segments, to itself and loops through others", async () => {
    const missing = randomUUID();
    await expect(
      as((ctx) =>
        createSegment(ctx, {
          name: "Ghost",
          conditions: {
            kind: "or",
            conditions: [plan("x"), { kind: "segment", segmentId: missing, op: "member" }],
          },
        }),
      ),
    ).rejects.toMatchObject({ errors: [{ field: "conditions.conditions.1.segmentId", code: "NOT_FOUND" }] });

    const a = await as((ctx) => createSegment(ctx, { name: "Loop A", conditions: plan("a") }));
    const b = await as((ctx) =>
      createSegment(ctx, { name: "Loop B", conditions: { kind: "segment", segmentId: a.id, op: "member" } }),
    );
    await expect(
      as((ctx) =>
        updateSegment(ctx, {
          id: a.id,
          version: a.version,
          conditions: { kind: "segment", segmentId: a.id, op: "not_member" },
        }),
      ),
    ).rejects.toMatchObject({
      errors: [{ field: "conditions.segmentId", message: expect.stringContaining("itself") }],
    });
    await expect(
      as((ctx) =>
        updateSegment(ctx, {
          id: a.id,
          version: a.version,
          conditions: { kind: "not", condition: { kind: "segment", segmentId: b.id, op: "member" } },
        }),
      ),
    ).rejects.toMatchObject({
      errors: [{ field: "conditions.condition.segmentId", message: expect.stringContaining('"Loop B"') }],
    });
    // A's own segments of the rival account are invisible: the same id is "not found" there.
    await expect(
      as(
        (ctx) =>
          createSegment(ctx, { name: "Spy", conditions: { kind: "segment", segmentId: a.id, op: "member" } }),
        { account: rival },
      ),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND" }] });
    await as((ctx) => deleteSegment(ctx, { id: b.id, version: b.version }));
    await as((ctx) => deleteSegment(ctx, { id: a.id, version: a.version + 0 }));
  });

  it("needs contacts:write, and names must be unique among live segments", async () => {
    await expect(
      as((ctx) => createSegment(ctx, { name: "Viewer", conditions: plan("x") }), { role: "viewer" }),
    ).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
    const first = await as((ctx) => createSegment(ctx, { name: "Twice", conditions: plan("x") }));
    await expect(
      as((ctx) => createSegment(ctx, { name: "Twice", conditions: plan("y") })),
    ).rejects.toMatchObject({
      errors: [{ code: "TAKEN", field: "name" }],
    });
    await as((ctx) => deleteSegment(ctx, { id: first.id, version: first.version }));
    await as((ctx) => createSegment(ctx, { name: "Twice", conditions: plan("y") }));
  });
});

describe("dynamic membership", () => {
  it("is computed on create, recorded with entry and exit times, and kept by refreshes", async () => {
    const ada = await contact("ada.dyn@example.test", { plan: "pro" });
    const bob = await contact("bob.dyn@example.test", { plan: "free" });
    await contact("rival.dyn@example.test", { plan: "pro" }, rival);
    const pro = await as((ctx) => createSegment(ctx, { name: "Pro", conditions: plan("pro") }));
    expect(pro).toMatchObject({ kind: "dynamic", memberCount: 1, version: 1 });
    expect(pro.lastCalculatedAt).toBeInstanceOf(Date);
    expect((await memberships(pro.id)).map((m) => m.contact_id)).toEqual([ada]);

    // Bob upgrades, Ada downgrades; a full refresh at an injected time records both.
    await h.owner`update contacts set attributes = '{"plan": "pro"}' where id = ${bob}`;
    await h.owner`update contacts set attributes = '{"plan": "free"}' where id = ${ada}`;
    const at = new Date(Date.now() + DAY);
    const { result, segment } = await as((ctx) => refreshSegment(ctx, { id: pro.id }, { now: at }));
    expect(result).toMatchObject({ memberCount: 1, entered: [bob], exited: 1 });
    expect(segment.memberCount).toBe(1);
    const rows = await memberships(pro.id);
    expect(rows).toEqual([
      { contact_id: ada, entered_at: expect.any(Date), exited_at: at },
      { contact_id: bob, entered_at: at, exited_at: null },
    ]);

    // Nothing changed: a second refresh changes nothing.
    const again = await as((ctx) => refreshSegment(ctx, { id: pro.id }));
    expect(again.result).toMatchObject({ memberCount: 1, entered: [], exited: 0 });
    expect(await memberships(pro.id)).toHaveLength(2);
  });

  it("is kept current incrementally for just the contacts that changed", async () => {
    const cid = await contact("cid.inc@example.test", { plan: "basic" });
    const dan = await contact("dan.inc@example.test", { plan: "basic" });
    const basic = await as((ctx) => createSegment(ctx, { name: "Basic", conditions: plan("basic") }));
    const gold = await as((ctx) => createSegment(ctx, { name: "Gold", conditions: plan("gold") }));
    // Depends on Basic: evaluated after it in the same call.
    const notBasic = await as((ctx) =>
      createSegment(ctx, {
        name: "Not basic",
        conditions: {
          kind: "and",
          conditions: [
            { kind: "field", field: "email", op: "contains", value: ".inc@" },
            { kind: "segment", segmentId: basic.id, op: "not_member" },
          ],
        },
      }),
    );
    expect(await memberCount(basic.id)).toBe(2);

    await h.owner`update contacts set attributes = '{"plan": "gold"}' where id = ${cid}`;
    const changes = await as((ctx) => refreshContactMemberships(ctx, [cid]));
    expect(changes.exited).toEqual([{ segmentId: basic.id, contactId: cid }]);
    expect(changes.entered).toEqual(
      expect.arrayContaining([
        { segmentId: gold.id, contactId: cid },
        { segmentId: notBasic.id, contactId: cid },
      ]),
    );
    expect(changes.entered).toHaveLength(2);
    expect(await memberCount(basic.id)).toBe(1);
    expect(await memberCount(gold.id)).toBe(1);
    expect(await memberCount(notBasic.id)).toBe(1);
    // Dan was not named: untouched even if he had changed.
    expect(
      (await memberships(basic.id)).filter((m) => m.exited_at === null).map((m) => m.contact_id),
    ).toEqual([dan]);

    // A deleted contact leaves every segment.
    await h.owner`update contacts set deleted_at = now() where id = ${dan}`;
    const gone = await as((ctx) => refreshContactMemberships(ctx, [dan]));
    expect(gone.exited).toEqual([{ segmentId: basic.id, contactId: dan }]);
    expect(await memberCount(basic.id)).toBe(0);
  });

  it("lets time move contacts out: event windows roll with the clock", async () => {
    const eli = await contact("eli.win@example.test");
    await h.owner`insert into marketing_events (id, account_id, contact_id, type, occurred_at)
                  values (${randomUUID()}, ${shop}, ${eli}, 'email_opened', now() - interval '6 days')`;
    const openers = await as((ctx) =>
      createSegment(ctx, {
        name: "Openers",
        conditions: {
          kind: "event",
          eventType: "email_opened",
          op: "performed",
          within: { amount: 7, unit: "days" },
        },
      }),
    );
    expect(openers.memberCount).toBe(1);
    const later = new Date(Date.now() + 2 * DAY);
    const outcomes = await refreshDynamicSegments(h.db, { now: later });
    expect(outcomes.find((o) => o.segmentId === openers.id)?.result).toMatchObject({
      memberCount: 0,
      exited: 1,
    });
    expect(await memberships(openers.id)).toEqual([
      { contact_id: eli, entered_at: expect.any(Date), exited_at: later },
    ]);
  });

  it("runs concurrent full refreshes one after the other, never doubling a member", async () => {
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) => contact(`race${i}@example.test`, { plan: "race" })),
    );
    const race = await as((ctx) => createSegment(ctx, { name: "Race", conditions: plan("race") }));
    await h.owner`update contacts set attributes = '{"plan": "none"}' where id = any(${many.slice(0, 10)})`;
    const results = await Promise.all([1, 2, 3].map(() => as((ctx) => refreshSegment(ctx, { id: race.id }))));
    expect(results.map((r) => r.result.exited).sort()).toEqual([0, 0, 10]);
    const [open] = await h.owner`select count(*)::int as n from segment_memberships
                                  where segment_id = ${race.id} and exited_at is null`;
    expect(open!.n).toBe(10);
    expect(await memberCount(race.id)).toBe(10);
  });

  it("recalculates when the conditions change, and checks the version", async () => {
    await contact("fay.upd@example.test", { plan: "silver" });
    const s = await as((ctx) => createSegment(ctx, { name: "Silver", conditions: plan("platinum") }));
    expect(s.memberCount).toBe(0);
    const updated = await as((ctx) =>
      updateSegment(ctx, { id: s.id, version: 1, conditions: plan("silver"), description: "Silver plan" }),
    );
    expect(updated).toMatchObject({ version: 2, memberCount: 1, description: "Silver plan" });
    await expect(
      as((ctx) => updateSegment(ctx, { id: s.id, version: 1, name: "Stale" })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "version" }] });
  });
});

describe("previews", () => {
  it("count and sample without saving, and report problems instead of failing", async () => {
    for (let i = 0; i < 12; i++) await contact(`gina${i}@example.test`, { plan: "preview" });
    const preview = await as((ctx) => previewSegment(ctx, { conditions: plan("PREVIEW") }));
    expect(preview.count).toBe(12);
    expect(preview.sampleIds).toHaveLength(10);
    expect(preview.problems).toEqual([]);
    const [saved] =
      await h.owner`select count(*)::int as n from marketing_segments where name like '%review%'`;
    expect(saved!.n).toBe(0);

    const bad = await as((ctx) =>
      previewSegment(ctx, {
        conditions: { kind: "and", conditions: [plan("x"), { kind: "tag", op: "has" }] },
      }),
    );
    expect(bad).toMatchObject({
      count: 0,
      sampleIds: [],
      problems: [{ field: "conditions.conditions.1.tag" }],
    });
    // Viewers may preview (contacts:read).
    await expect(
      as((ctx) => previewSegment(ctx, { conditions: plan("x") }), { role: "viewer" }),
    ).resolves.toMatchObject({
      count: 0,
    });
  });
});

describe("static segments", () => {
  it("change by hand only, with unknown contacts named by position", async () => {
    const hal = await contact("hal.static@example.test");
    const ivy = await contact("ivy.static@example.test");
    const list = await as((ctx) => createSegment(ctx, { name: "Hand-picked", kind: "static" }));
    expect(list).toMatchObject({ kind: "static", memberCount: 0 });
    const added = await as((ctx) => addSegmentMembers(ctx, { id: list.id, contactIds: [hal, ivy, hal] }));
    expect(added).toMatchObject({ changed: 2, segment: { memberCount: 2 } });
    const twice = await as((ctx) => addSegmentMembers(ctx, { id: list.id, contactIds: [hal] }));
    expect(twice.changed).toBe(0);
    await expect(
      as((ctx) => addSegmentMembers(ctx, { id: list.id, contactIds: [hal, randomUUID()] })),
    ).rejects.toMatchObject({ errors: [{ field: "contactIds.1", code: "NOT_FOUND" }] });
    const removed = await as((ctx) => removeSegmentMembers(ctx, { id: list.id, contactIds: [ivy] }));
    expect(removed).toMatchObject({ changed: 1, segment: { memberCount: 1 } });
    // A full refresh of a static segment only recounts.
    expect((await as((ctx) => refreshSegment(ctx, { id: list.id }))).result.memberCount).toBe(1);

    const dynamic = await as((ctx) => createSegment(ctx, { name: "Dyn for static", conditions: plan("x") }));
    await expect(
      as((ctx) => addSegmentMembers(ctx, { id: dynamic.id, contactIds: [hal] })),
    ).rejects.toMatchObject({
      errors: [{ code: "INVALID", field: "id" }],
    });
  });

  it("can be captured from conditions once", async () => {
    await contact("jo.snap@example.test", { plan: "snap" });
    const snap = await as((ctx) =>
      createSegment(ctx, { name: "Snapshot", kind: "static", conditions: plan("snap") }),
    );
    expect(snap.memberCount).toBe(1);
    await contact("kim.snap@example.test", { plan: "snap" });
    await refreshDynamicSegments(h.db);
    expect(await memberCount(snap.id)).toBe(1);
  });
});

describe("deleting", () => {
  it("is refused while another segment uses it, then ends its memberships", async () => {
    await contact("lea.del@example.test", { plan: "del" });
    const base = await as((ctx) => createSegment(ctx, { name: "Base", conditions: plan("del") }));
    const user2 = await as((ctx) =>
      createSegment(ctx, {
        name: "Uses base",
        conditions: { kind: "segment", segmentId: base.id, op: "member" },
      }),
    );
    await expect(
      as((ctx) => deleteSegment(ctx, { id: base.id, version: base.version })),
    ).rejects.toMatchObject({
      errors: [{ code: "CONFLICT", message: expect.stringContaining('segment "Uses base"') }],
    });
    await as((ctx) => deleteSegment(ctx, { id: user2.id, version: user2.version }));
    await as((ctx) => deleteSegment(ctx, { id: base.id, version: base.version }));
    const rows = await memberships(base.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.exited_at).toBeInstanceOf(Date);
    await expect(as((ctx) => refreshSegment(ctx, { id: base.id }))).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
  });
});

describe("journeys triggered by segment entry", () => {
  it("enrol the contacts who enter, and keep the segment from being deleted", async () => {
    const segment = await as((ctx) =>
      createSegment(ctx, { name: "Journey entrants", conditions: plan("journey") }),
    );
    const created = await as((ctx) => createJourney(ctx, { name: "On entry" }));
    const draft = {
      nodes: [
        { id: "start", kind: "trigger", trigger: { type: "segment_entry", segmentId: segment.id } },
        { id: "done", kind: "exit" },
      ],
      edges: [{ id: "e1", source: "start", target: "done" }],
      settings: { reEntry: { mode: "never" } },
    };
    const { journey } = await as((ctx) =>
      updateJourney(ctx, { id: created.id, version: created.version, draft }),
    );
    const published = await as((ctx) => publishJourney(ctx, { id: journey.id, version: journey.version }));
    await as((ctx) => activateJourney(ctx, { id: published.journey.id, version: published.journey.version }));

    const mo = await contact("mo.journey@example.test", { plan: "free" });
    await h.owner`update contacts set attributes = '{"plan": "journey"}' where id = ${mo}`;
    const changes = await as((ctx) => refreshContactMemberships(ctx, [mo]));
    expect(changes.entered).toEqual([{ segmentId: segment.id, contactId: mo }]);
    const [membership] = await h.owner<{ id: string }[]>`
      select id from segment_memberships where segment_id = ${segment.id} and contact_id = ${mo}`;
    const runs = await h.owner<{ contact_id: string; entry_key: string }[]>`
      select contact_id, entry_key from journey_executions where journey_id = ${journey.id}`;
    expect(runs).toEqual([{ contact_id: mo, entry_key: `segment:${membership!.id}` }]);

    await expect(
      as((ctx) => deleteSegment(ctx, { id: segment.id, version: segment.version })),
    ).rejects.toMatchObject({
      errors: [{ code: "CONFLICT", message: expect.stringContaining('journey "On entry"') }],
    });
  });
});
