// Edits a campaign's fields (not its status: see change-campaign-status.ts), naming the version read.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { CampaignFields, campaignProblems } from "./campaign-inputs.ts";
import type { CampaignRow } from "./create-campaign.ts";
import { lockCampaign } from "./load-campaign.ts";

export const UpdateCampaignInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  changes: CampaignFields.partial(),
});
export type UpdateCampaignInput = z.input<typeof UpdateCampaignInput>;

export async function updateCampaign(ctx: OperationContext, raw: UpdateCampaignInput): Promise<CampaignRow> {
  authorize(ctx, "campaigns:write");
  const input = parseInput(UpdateCampaignInput, raw);
  const before = await lockCampaign(ctx, input.id, input.version);
  if (before.status === "completed" || before.status === "cancelled") {
    fail("CONFLICT", `A ${before.status} campaign cannot be edited.`, "id");
  }
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined));
  const problems = campaignProblems({ ...before, ...changes });
  if (problems.length > 0) throw new DomainError(problems.map((p) => ({ ...p, code: "INVALID" as const })));
  const c = schema.campaigns;
  const [after] = await ctx.tx
    .update(c)
    .set({ ...changes, version: sql`${c.version} + 1` })
    .where(eq(c.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "campaign.updated",
    entityType: "campaign",
    entityId: before.id,
    before,
    after,
  });
  return after!;
}
