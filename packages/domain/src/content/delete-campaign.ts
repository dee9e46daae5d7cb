// Soft delete and restore: a deleted campaign disappears everywhere and can be brought back for
// 30 days (a scheduled purge will remove older ones).
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import type { CampaignRow } from "./create-campaign.ts";
import { lockCampaign } from "./load-campaign.ts";

export const CampaignRef = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type CampaignRefInput = z.input<typeof CampaignRef>;

export const RESTORE_WINDOW_DAYS = 30;

export async function deleteCampaign(ctx: OperationContext, raw: CampaignRefInput): Promise<CampaignRow> {
  authorize(ctx, "campaigns:write");
  const input = parseInput(CampaignRef, raw);
  const before = await lockCampaign(ctx, input.id, input.version);
  const c = schema.campaigns;
  const [after] = await ctx.tx
    .update(c)
    .set({ deletedAt: sql`now()`, deletedBy: ctx.actor.userId, version: sql`${c.version} + 1` })
    .where(eq(c.id, before.id))
    .returning();
  await recordChange(ctx, { action: "campaign.deleted", entityType: "campaign", entityId: before.id });
  return after!;
}

export async function restoreCampaign(ctx: OperationContext, raw: CampaignRefInput): Promise<CampaignRow> {
  authorize(ctx, "campaigns:write");
  const input = parseInput(CampaignRef, raw);
  const before = await lockCampaign(ctx, input.id, input.version, { deleted: true });
  if (!before.deletedAt) fail("CONFLICT", "The campaign is not deleted.", "id");
  if (before.deletedAt!.getTime() < Date.now() - RESTORE_WINDOW_DAYS * 86_400_000) {
    fail("EXPIRED", `Deleted campaigns can be restored for ${RESTORE_WINDOW_DAYS} days.`, "id");
  }
  const c = schema.campaigns;
  const [after] = await ctx.tx
    .update(c)
    .set({ deletedAt: null, deletedBy: null, version: sql`${c.version} + 1` })
    .where(eq(c.id, before.id))
    .returning();
  await recordChange(ctx, { action: "campaign.restored", entityType: "campaign", entityId: before.id });
  return after!;
}
