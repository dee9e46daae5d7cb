// Moves a campaign along its lifecycle; any other move is refused with the allowed ones named.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { CAMPAIGN_STATUSES, CAMPAIGN_TRANSITIONS, canMoveCampaign } from "./campaign-status.ts";
import type { CampaignRow } from "./create-campaign.ts";
import { lockCampaign } from "./load-campaign.ts";

export const ChangeCampaignStatusInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  status: z.enum(CAMPAIGN_STATUSES),
});
export type ChangeCampaignStatusInput = z.input<typeof ChangeCampaignStatusInput>;

export async function changeCampaignStatus(
  ctx: OperationContext,
  raw: ChangeCampaignStatusInput,
): Promise<CampaignRow> {
  authorize(ctx, "campaigns:write");
  const input = parseInput(ChangeCampaignStatusInput, raw);
  const before = await lockCampaign(ctx, input.id, input.version);
  if (!canMoveCampaign(before.status, input.status)) {
    const allowed = CAMPAIGN_TRANSITIONS[before.status];
    fail(
      "INVALID_TRANSITION",
      allowed.length > 0
        ? `A ${before.status} campaign can become ${allowed.join(" or ")}, not ${input.status}.`
        : `A ${before.status} campaign cannot change status.`,
      "status",
    );
  }
  const c = schema.campaigns;
  const [after] = await ctx.tx
    .update(c)
    .set({ status: input.status, version: sql`${c.version} + 1` })
    .where(eq(c.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: `campaign.${input.status}`,
    entityType: "campaign",
    entityId: before.id,
    before: { status: before.status },
    after: { status: input.status },
  });
  return after!;
}
