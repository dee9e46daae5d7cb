// Moves a journey to the trash (soft delete). An active journey is refused: pause or archive it
// first, so nobody is deleted out from under a running send. Executions a paused journey was
// holding exit with reason 'deleted'.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { exitRunningExecutions } from "./exit-running-executions.ts";
import { JourneyAtVersion, type JourneyAtVersionInput } from "./journey-inputs.ts";
import { type JourneyRow, lockJourney } from "./load-journey.ts";

export async function deleteJourney(ctx: OperationContext, raw: JourneyAtVersionInput): Promise<JourneyRow> {
  authorize(ctx, "journeys:write");
  const input = parseInput(JourneyAtVersion, raw);
  const before = await lockJourney(ctx, input.id, input.version);
  if (before.status === "active") {
    fail("INVALID_TRANSITION", "An active journey cannot be deleted: pause or archive it first.", "status");
  }
  await exitRunningExecutions(ctx, before.id, "deleted", before.campaignId);
  const j = schema.journeys;
  const [after] = await ctx.tx
    .update(j)
    .set({ deletedAt: sql`now()`, deletedBy: ctx.actor.userId, version: sql`${j.version} + 1` })
    .where(eq(j.id, before.id))
    .returning();
  await recordChange(ctx, { action: "journey.deleted", entityType: "journey", entityId: before.id });
  return after!;
}
