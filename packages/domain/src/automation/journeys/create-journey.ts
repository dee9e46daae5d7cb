// A marketer starts a journey: a draft holding only a manual trigger, inactive until published and
// activated.
import { schema } from "@markettina/db";
import type { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { emptyDefinition } from "./definition.ts";
import { JourneyFields } from "./journey-inputs.ts";
import { assertCampaign, type JourneyRow } from "./load-journey.ts";

export const CreateJourneyInput = JourneyFields.partial({ description: true, campaignId: true });
export type CreateJourneyInput = z.input<typeof CreateJourneyInput>;

export async function createJourney(ctx: OperationContext, raw: CreateJourneyInput): Promise<JourneyRow> {
  authorize(ctx, "journeys:write");
  const input = parseInput(CreateJourneyInput, raw);
  if (input.campaignId) await assertCampaign(ctx, input.campaignId);
  const [created] = await ctx.tx
    .insert(schema.journeys)
    .values({
      accountId: ctx.accountId,
      name: input.name,
      description: input.description ?? "",
      campaignId: input.campaignId ?? null,
      draft: emptyDefinition() as unknown as Record<string, unknown>,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordChange(ctx, {
    action: "journey.created",
    entityType: "journey",
    entityId: created!.id,
    after: created,
  });
  return created!;
}
