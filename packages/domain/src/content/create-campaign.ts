// A marketer creates a campaign; it starts as a draft.
import { schema } from "@markettina/db";
import type { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { CampaignFields, campaignProblems } from "./campaign-inputs.ts";

export const CreateCampaignInput = CampaignFields.partial().required({ name: true, type: true });
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;
export type CampaignRow = typeof schema.campaigns.$inferSelect;

export async function createCampaign(ctx: OperationContext, raw: CreateCampaignInput): Promise<CampaignRow> {
  authorize(ctx, "campaigns:write");
  const input = parseInput(CreateCampaignInput, raw);
  const problems = campaignProblems(input);
  if (problems.length > 0) throw new DomainError(problems.map((p) => ({ ...p, code: "INVALID" as const })));
  const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [created] = await ctx.tx
    .insert(schema.campaigns)
    .values({
      ...values,
      name: input.name,
      type: input.type,
      accountId: ctx.accountId,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordChange(ctx, {
    action: "campaign.created",
    entityType: "campaign",
    entityId: created!.id,
    after: created,
  });
  return created!;
}
