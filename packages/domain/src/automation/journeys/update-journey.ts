// Saves a journey's fields and its draft. The draft must have the right shape (zod: INVALID with
// the field's path) but is saved with its problems, which come back for the builder to show on
// the nodes; only publishing refuses them. Published versions are copies: editing the draft never
// touches them.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { checkJourneyReferences } from "./check-journey-references.ts";
import { JourneyDefinition } from "./definition.ts";
import { JourneyFields } from "./journey-inputs.ts";
import { assertCampaign, type JourneyRow, lockJourney } from "./load-journey.ts";
import { type JourneyProblem, validateJourney } from "./validate-journey.ts";

export const UpdateJourneyInput = JourneyFields.partial().extend({
  id: z.uuid(),
  version: z.number().int().positive(),
  draft: JourneyDefinition.optional(),
});
/** The draft arrives as JSON (GraphQL, the builder) and is parsed here, so any value is accepted. */
export type UpdateJourneyInput = Omit<z.input<typeof UpdateJourneyInput>, "draft"> & { draft?: unknown };

export interface UpdatedJourney {
  journey: JourneyRow;
  /** The saved draft's problems (empty: it can be published). */
  problems: JourneyProblem[];
}

/** A definition's problems, its references to other rows included. */
export async function definitionProblems(
  ctx: Pick<OperationContext, "tx" | "accountId">,
  definition: JourneyDefinition,
): Promise<JourneyProblem[]> {
  return [...validateJourney(definition), ...(await checkJourneyReferences(ctx, definition))];
}

export async function updateJourney(ctx: OperationContext, raw: UpdateJourneyInput): Promise<UpdatedJourney> {
  authorize(ctx, "journeys:write");
  const input = parseInput(UpdateJourneyInput, raw);
  const before = await lockJourney(ctx, input.id, input.version);
  if (before.status === "archived") fail("CONFLICT", "An archived journey cannot be edited.", "id");
  if (input.campaignId) await assertCampaign(ctx, input.campaignId);
  const { id: _id, version: _version, draft, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const j = schema.journeys;
  const [after] = await ctx.tx
    .update(j)
    .set({
      ...changes,
      ...(draft ? { draft: draft as unknown as Record<string, unknown> } : {}),
      version: sql`${j.version} + 1`,
    })
    .where(eq(j.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "journey.updated",
    entityType: "journey",
    entityId: before.id,
    before,
    after,
  });
  const saved = draft ?? JourneyDefinition.parse(after!.draft);
  return { journey: after!, problems: await definitionProblems(ctx, saved) };
}
