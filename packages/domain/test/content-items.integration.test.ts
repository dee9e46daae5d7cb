// Content items on real PostgreSQL: the lifecycle (every operation from every status), a version
// row per change, the approval flow and who may decide, optimistic locking, the stored brand
// check, and references that must stay inside the tenant.
import { randomUUID } from "node:crypto";
import { type TenantScope, withTenant } from "@markettina/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approveContent,
  archiveContentItem,
  CONTENT_STATUSES,
  type ContentItemRow,
  type ContentStatus,
  canMoveContent,
  createContentItem,
  type DomainError,
  markContentPublished,
  type OperationContext,
  type Role,
  rejectContent,
  requestContentReview,
  restoreContentItem,
  restoreContentVersion,
  updateContentItem,
  withdrawContentReview,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const other = randomUUID();
const author = randomUUID();
const reviewer = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${author}, 'author@example.test', 'Author'),
                                                         (${reviewer}, 'reviewer@example.test', 'Reviewer')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Bakery', 'bakery'), (${other}, 'Rival', 'rival')`;
  await h.owner`update brand_dna set words_to_avoid = '{cheap,"mass-produced"}' where account_id = ${account}`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(
  op: (ctx: OperationContext) => Promise<T>,
  who: { role?: Role; user?: string; in?: string } = {},
): Promise<T> =>
  h.run({ accountId: who.in ?? account, userId: who.user ?? author, role: who.role ?? "member" }, op);
const asReviewer = { role: "owner" as const, user: reviewer };

const ref = (item: ContentItemRow) => ({ id: item.id, version: item.version });
const errorOf = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as DomainError);

/** A draft whose current text differs from version 1, brought to `status` along allowed moves. */
async function itemIn(status: ContentStatus): Promise<ContentItemRow> {
  const first = await as((ctx) =>
    createContentItem(ctx, { type: "social_post", title: `In ${status}`, body: "First words." }),
  );
  let item = await as((ctx) =>
    updateContentItem(ctx, { ...ref(first), changes: { body: "Warm rye, out of the oven at seven." } }),
  );
  const path: Record<ContentStatus, ((i: ContentItemRow) => Promise<ContentItemRow>)[]> = {
    draft: [],
    review: [(i) => as((ctx) => requestContentReview(ctx, ref(i)))],
    approved: [
      (i) => as((ctx) => requestContentReview(ctx, ref(i))),
      (i) => as((ctx) => approveContent(ctx, ref(i)), asReviewer),
    ],
    published: [
      (i) => as((ctx) => requestContentReview(ctx, ref(i))),
      (i) => as((ctx) => approveContent(ctx, ref(i)), asReviewer),
      (i) => withTenant(h.db, scopeOf(account), (tx) => markContentPublished(tx, account, i.id)),
    ],
    archived: [(i) => as((ctx) => archiveContentItem(ctx, ref(i)))],
  };
  for (const step of path[status]) item = await step(item);
  expect(item.status).toBe(status);
  return item;
}

const scopeOf = (accountId: string): TenantScope => ({
  accountId,
  accountIds: [accountId],
  userId: null,
  apiKeyId: null,
});

/** Every operation that changes an item's status, the statuses it acts from and where it leads. */
const OPERATIONS: {
  name: string;
  from: readonly ContentStatus[];
  to: ContentStatus | "unchanged";
  run: (item: ContentItemRow) => Promise<ContentItemRow>;
}[] = [
  {
    name: "edit the body",
    from: ["draft", "review", "approved"],
    to: "draft",
    run: (i) => as((ctx) => updateContentItem(ctx, { ...ref(i), changes: { body: "New words." } })),
  },
  {
    name: "restore version 1",
    from: ["draft", "review", "approved"],
    to: "draft",
    run: (i) => as((ctx) => restoreContentVersion(ctx, { ...ref(i), restoreVersion: 1 })),
  },
  {
    name: "request review",
    from: ["draft"],
    to: "review",
    run: (i) => as((ctx) => requestContentReview(ctx, { ...ref(i), note: "Ready?" })),
  },
  {
    name: "withdraw the review",
    from: ["review"],
    to: "draft",
    run: (i) => as((ctx) => withdrawContentReview(ctx, ref(i))),
  },
  {
    name: "approve",
    from: ["review"],
    to: "approved",
    run: (i) => as((ctx) => approveContent(ctx, ref(i)), asReviewer),
  },
  {
    name: "reject",
    from: ["review"],
    to: "draft",
    run: (i) => as((ctx) => rejectContent(ctx, { ...ref(i), comment: "Too long." }), asReviewer),
  },
  {
    name: "publish",
    from: ["approved", "published"],
    to: "published",
    run: (i) => withTenant(h.db, scopeOf(account), (tx) => markContentPublished(tx, account, i.id)),
  },
  {
    name: "archive",
    from: ["draft", "review", "approved", "published"],
    to: "archived",
    run: (i) => as((ctx) => archiveContentItem(ctx, ref(i))),
  },
  {
    name: "restore",
    from: ["archived"],
    to: "draft",
    run: (i) => as((ctx) => restoreContentItem(ctx, ref(i))),
  },
];

const cases = OPERATIONS.flatMap((op) => CONTENT_STATUSES.map((status) => [op.name, status] as const));

describe("content lifecycle", () => {
  it("allows exactly the moves of the table", () => {
    const allowed = new Set([
      "draft→review",
      "draft→archived",
      "review→approved",
      "review→draft",
      "review→archived",
      "approved→published",
      "approved→draft",
      "approved→archived",
      "published→archived",
      "archived→draft",
    ]);
    for (const from of CONTENT_STATUSES) {
      for (const to of CONTENT_STATUSES) expect(canMoveContent(from, to)).toBe(allowed.has(`${from}→${to}`));
    }
    // Every move an operation makes is one of the table's.
    for (const op of OPERATIONS) {
      for (const from of op.from)
        if (op.to !== from) expect(canMoveContent(from, op.to as ContentStatus)).toBe(true);
    }
  });

  it.each(cases)("%s from %s follows the table", async (name, status) => {
    const op = OPERATIONS.find((o) => o.name === name)!;
    const item = await itemIn(status);
    const result = op.run(item);
    if (!op.from.includes(status)) {
      await expect(result).rejects.toMatchObject({
        errors: [{ code: "INVALID_TRANSITION", field: "status" }],
      });
      const [row] = await h.owner`select status, version from content_items where id = ${item.id}`;
      expect(row).toEqual({ status, version: item.version });
      return;
    }
    const after = await result;
    // Publishing a published item again is a no-op (another channel, a retried job).
    const noop = op.to === status && name === "publish";
    expect(after).toMatchObject({ status: op.to, version: noop ? item.version : item.version + 1 });
    // An item is in review exactly when it has a pending approval.
    const pending =
      await h.owner`select 1 from content_approvals where content_item_id = ${item.id} and decision = 'pending'`;
    expect(pending.length).toBe(after.status === "review" ? 1 : 0);
  });
});

describe("versions and approvals", () => {
  it("writes a snapshot per version and records the review round trip", async () => {
    const created = await as((ctx) =>
      createContentItem(ctx, {
        type: "email",
        title: "November letter",
        subject: "Winter breads",
        body: "Rye.",
      }),
    );
    const v2 = await as((ctx) =>
      updateContentItem(ctx, { ...ref(created), changes: { body: "Rye and caraway." } }),
    );
    const v3 = await as((ctx) => requestContentReview(ctx, { ...ref(v2), note: "Check the tone" }));
    const v4 = await as(
      (ctx) => rejectContent(ctx, { ...ref(v3), comment: "Mention the fig loaf." }),
      asReviewer,
    );
    expect(v4).toMatchObject({ status: "draft", version: 4, updatedBy: reviewer });

    expect(
      await h.owner`select version, status, body, created_by from content_versions
                  where content_item_id = ${created.id} order by version`,
    ).toEqual([
      { version: 1, status: "draft", body: "Rye.", created_by: author },
      { version: 2, status: "draft", body: "Rye and caraway.", created_by: author },
      { version: 3, status: "review", body: "Rye and caraway.", created_by: author },
      { version: 4, status: "draft", body: "Rye and caraway.", created_by: reviewer },
    ]);
    expect(
      await h.owner`select version, requested_by, request_note, reviewer_id, decision, comment, decided_at is not null as decided
                  from content_approvals where content_item_id = ${created.id}`,
    ).toEqual([
      {
        version: 3,
        requested_by: author,
        request_note: "Check the tone",
        reviewer_id: reviewer,
        decision: "rejected",
        comment: "Mention the fig loaf.",
        decided: true,
      },
    ]);
    const events = await h.owner`select event_type from domain_events
                               where aggregate_id = ${created.id} order by created_at, id`;
    expect(events.map((e) => e.event_type)).toEqual([
      "content_item.created",
      "content_item.updated",
      "content_item.review_requested",
      "content_item.rejected",
    ]);

    // Restoring version 1 is a new version with its text.
    const v5 = await as((ctx) => restoreContentVersion(ctx, { ...ref(v4), restoreVersion: 1 }));
    expect(v5).toMatchObject({ version: 5, body: "Rye.", status: "draft" });
    await expect(
      as((ctx) => restoreContentVersion(ctx, { ...ref(v5), restoreVersion: 42 })),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "restoreVersion" }] });
  });

  it("sends an edited item back to draft and withdraws its review; filing changes keep the approval", async () => {
    const inReview = await itemIn("review");
    const edited = await as((ctx) =>
      updateContentItem(ctx, { ...ref(inReview), changes: { title: "A better title" } }),
    );
    expect(edited.status).toBe("draft");
    expect(
      await h.owner`select decision, comment from content_approvals where content_item_id = ${inReview.id}`,
    ).toEqual([{ decision: "withdrawn", comment: "Edited after review was requested." }]);

    const approved = await itemIn("approved");
    const tagged = await as((ctx) =>
      updateContentItem(ctx, { ...ref(approved), changes: { tags: ["winter"] } }),
    );
    expect(tagged).toMatchObject({ status: "approved", version: approved.version + 1, tags: ["winter"] });
    // Saving the same text again writes nothing.
    const same = await as((ctx) =>
      updateContentItem(ctx, { ...ref(tagged), changes: { body: tagged.body, title: tagged.title } }),
    );
    expect(same).toMatchObject({ status: "approved", version: tagged.version });
    const rewritten = await as((ctx) =>
      updateContentItem(ctx, { ...ref(tagged), changes: { body: "Different words." } }),
    );
    expect(rewritten.status).toBe("draft");

    const published = await itemIn("published");
    const refused = await errorOf(
      as((ctx) => updateContentItem(ctx, { ...ref(published), changes: { tags: ["late"] } })),
    );
    expect(refused?.errors).toEqual([
      expect.objectContaining({ code: "INVALID_TRANSITION", field: "status" }),
    ]);
  });

  it("lets only approvers decide, allows an owner's own request and records it, and needs a comment to reject", async () => {
    const item = await itemIn("review");
    await expect(as((ctx) => approveContent(ctx, ref(item)))).rejects.toMatchObject({
      errors: [{ code: "FORBIDDEN" }],
    });
    await expect(
      as((ctx) => rejectContent(ctx, { ...ref(item), comment: "" }), asReviewer),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "comment" }] });
    await expect(as((ctx) => requestContentReview(ctx, ref(item)), { role: "viewer" })).rejects.toMatchObject(
      {
        errors: [{ code: "FORBIDDEN" }],
      },
    );

    // The reviewer writes, asks and approves their own work.
    const own = await as(
      (ctx) => createContentItem(ctx, { type: "social_post", title: "Own", body: "Seeded loaves." }),
      asReviewer,
    );
    const asked = await as((ctx) => requestContentReview(ctx, ref(own)), asReviewer);
    const approved = await as((ctx) => approveContent(ctx, { ...ref(asked), comment: "Fine." }), asReviewer);
    expect(approved.status).toBe("approved");
    expect(
      await h.owner`select requested_by, reviewer_id, decision from content_approvals where content_item_id = ${own.id}`,
    ).toEqual([{ requested_by: reviewer, reviewer_id: reviewer, decision: "approved" }]);
    const [event] = await h.owner`select payload from domain_events
                                where aggregate_id = ${own.id} and event_type = 'content_item.approved'`;
    expect(event!.payload).toMatchObject({ selfReview: true, comment: "Fine." });

    // A review needs text to look at.
    const empty = await as((ctx) => createContentItem(ctx, { type: "email", title: "Empty" }));
    const missing = await errorOf(as((ctx) => requestContentReview(ctx, ref(empty))));
    expect(missing?.errors.map((e) => e.field).sort()).toEqual(["body", "subject"]);
  });

  it("refuses a stale version", async () => {
    const item = await itemIn("review");
    const stale = { id: item.id, version: item.version - 1 };
    await expect(
      as((ctx) => updateContentItem(ctx, { ...stale, changes: { body: "Lost update" } })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "version" }] });
    await expect(as((ctx) => approveContent(ctx, stale), asReviewer)).rejects.toMatchObject({
      errors: [{ code: "CONFLICT", field: "version" }],
    });
    const [row] = await h.owner`select status, version, body from content_items where id = ${item.id}`;
    expect(row).toEqual({ status: "review", version: item.version, body: item.body });
  });
});

describe("brand check and references", () => {
  it("stores the brand check of every save, with words to avoid and the channel's length", async () => {
    const [brand] = await h.owner`select version from brand_dna where account_id = ${account}`;
    const item = await as((ctx) =>
      createContentItem(ctx, {
        type: "social_post",
        title: "Cheap thrills",
        body: "Never mass-produced, never cheap: bread worth the wait.",
      }),
    );
    expect(item.brandCheck).toMatchObject({
      passed: false,
      brandDnaVersion: brand!.version,
      issues: [
        { code: "WORD_TO_AVOID", message: 'Uses "cheap", which the brand avoids.' },
        { code: "WORD_TO_AVOID", message: 'Uses "mass-produced", which the brand avoids.' },
      ],
    });
    const [stored] = await h.owner`select brand_check from content_items where id = ${item.id}`;
    expect(stored!.brand_check).toEqual(JSON.parse(JSON.stringify(item.brandCheck)));

    const clean = await as((ctx) =>
      updateContentItem(ctx, {
        ...ref(item),
        changes: { title: "Worth the wait", body: "Bread worth the wait." },
      }),
    );
    expect(clean.brandCheck).toMatchObject({ passed: true, issues: [] });
    const sms = await as((ctx) =>
      updateContentItem(ctx, { ...ref(clean), changes: { type: "sms", body: "x".repeat(161) } }),
    );
    expect(sms.brandCheck!.issues.map((i) => i.code)).toEqual(["TOO_LONG"]);
  });

  it("validates fields, and refuses a campaign of another tenant or a deleted one", async () => {
    const theirs = randomUUID();
    const gone = randomUUID();
    const mine = randomUUID();
    await h.owner`insert into campaigns (id, account_id, name, type) values
                (${theirs}, ${other}, 'Theirs', 'social'), (${mine}, ${account}, 'Mine', 'social')`;
    await h.owner`insert into campaigns (id, account_id, name, type, deleted_at) values
                (${gone}, ${account}, 'Gone', 'social', now())`;
    for (const campaignId of [theirs, gone]) {
      await expect(
        as((ctx) => createContentItem(ctx, { type: "blog_post", title: "Post", campaignId })),
      ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "campaignId" }] });
    }
    const item = await as((ctx) =>
      createContentItem(ctx, { type: "blog_post", title: "Post", campaignId: mine }),
    );
    expect(item.campaignId).toBe(mine);
    await expect(
      as((ctx) => updateContentItem(ctx, { ...ref(item), changes: { campaignId: theirs } })),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "campaignId" }] });
    const detached = await as((ctx) =>
      updateContentItem(ctx, { ...ref(item), changes: { campaignId: null } }),
    );
    expect(detached.campaignId).toBeNull();

    const bad = await errorOf(
      as((ctx) =>
        createContentItem(ctx, {
          type: "social_post",
          title: " ",
          subject: "Only for emails",
          mediaAssetIds: ["x"],
        }),
      ),
    );
    expect(bad?.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      "mediaAssetIds.0:INVALID",
      "title:INVALID",
    ]);
    const subject = await errorOf(
      as((ctx) => createContentItem(ctx, { type: "social_post", title: "Post", subject: "Only for emails" })),
    );
    expect(subject?.errors).toEqual([expect.objectContaining({ field: "subject", code: "INVALID" })]);
  });

  it("keeps each tenant's items to itself", async () => {
    const item = await itemIn("draft");
    await expect(
      as((ctx) => updateContentItem(ctx, { ...ref(item), changes: { body: "Hijacked" } }), { in: other }),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "id" }] });
    await expect(
      withTenant(h.db, scopeOf(other), (tx) => markContentPublished(tx, other, item.id)),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND" }] });
    const [row] = await h.owner`select body from content_items where id = ${item.id}`;
    expect(row!.body).toBe(item.body);
  });
});
