// Campaigns on real PostgreSQL: the lifecycle table, optimistic locking, validation, soft delete.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  canMoveCampaign,
  changeCampaignStatus,
  createCampaign,
  type DomainError,
  deleteCampaign,
  type OperationContext,
  restoreCampaign,
  updateCampaign,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const user = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'm@example.test', 'Marketer')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Shop', 'shop')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>, role: "member" | "viewer" = "member"): Promise<T> =>
  h.run({ accountId: account, userId: user, role }, op);

/** A campaign brought to `status` along allowed moves (and its current version). */
async function campaignIn(status: CampaignStatus) {
  const path: Record<CampaignStatus, CampaignStatus[]> = {
    draft: [],
    scheduled: ["scheduled"],
    active: ["scheduled", "active"],
    paused: ["scheduled", "active", "paused"],
    completed: ["scheduled", "active", "completed"],
    cancelled: ["cancelled"],
  };
  let c = await as((ctx) => createCampaign(ctx, { name: `C ${status}`, type: "broadcast" }));
  for (const next of path[status]) {
    c = await as((ctx) => changeCampaignStatus(ctx, { id: c.id, version: c.version, status: next }));
  }
  return c;
}

const allowed: [CampaignStatus, CampaignStatus][] = [
  ["draft", "scheduled"],
  ["draft", "cancelled"],
  ["scheduled", "active"],
  ["scheduled", "cancelled"],
  ["active", "paused"],
  ["active", "completed"],
  ["active", "cancelled"],
  ["paused", "active"],
  ["paused", "completed"],
  ["paused", "cancelled"],
];
const pairs = CAMPAIGN_STATUSES.flatMap((from) => CAMPAIGN_STATUSES.map((to) => [from, to] as const));

describe("campaign lifecycle", () => {
  it.each(pairs)("%s → %s follows the table", async (from, to) => {
    const isAllowed = allowed.some(([f, t]) => f === from && t === to);
    expect(canMoveCampaign(from, to)).toBe(isAllowed);
    const c = await campaignIn(from);
    const moved = as((ctx) => changeCampaignStatus(ctx, { id: c.id, version: c.version, status: to }));
    if (isAllowed) await expect(moved).resolves.toMatchObject({ status: to, version: c.version + 1 });
    else
      await expect(moved).rejects.toMatchObject({
        errors: [{ code: "INVALID_TRANSITION", field: "status" }],
      });
  });
});

describe("campaign edits", () => {
  it("edits with the version read, validates dates and budgets, and restores a soft-deleted campaign", async () => {
    const c = await as((ctx) =>
      createCampaign(ctx, { name: "Spring", type: "social", tags: ["spring", "spring", "bread"] }),
    );
    expect(c).toMatchObject({ status: "draft", version: 1, tags: ["spring", "bread"] });
    const edited = await as((ctx) =>
      updateCampaign(ctx, { id: c.id, version: 1, changes: { name: "Spring sale" } }),
    );
    expect(edited).toMatchObject({ name: "Spring sale", version: 2 });
    await expect(
      as((ctx) => updateCampaign(ctx, { id: c.id, version: 1, changes: { name: "Lost" } })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "version" }] });
    const bad = await as((ctx) =>
      updateCampaign(ctx, {
        id: c.id,
        version: 2,
        changes: { startsAt: new Date("2027-03-10"), endsAt: new Date("2027-03-01"), budgetMinor: 5000 },
      }),
    ).catch((e: unknown) => e);
    expect((bad as DomainError).errors.map((e) => e.field).sort()).toEqual(["budgetCurrency", "endsAt"]);
    await expect(
      as((ctx) => createCampaign(ctx, { name: "x", type: "broadcast" }), "viewer"),
    ).rejects.toMatchObject({
      errors: [{ code: "FORBIDDEN" }],
    });

    const deleted = await as((ctx) => deleteCampaign(ctx, { id: c.id, version: 2 }));
    expect(deleted.deletedAt).not.toBeNull();
    await expect(
      as((ctx) => updateCampaign(ctx, { id: c.id, version: 3, changes: { name: "Ghost" } })),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND" }] });
    const restored = await as((ctx) => restoreCampaign(ctx, { id: c.id, version: 3 }));
    expect(restored).toMatchObject({ deletedAt: null, version: 4, name: "Spring sale" });
  });
});
