// Publishes the draft as the journey's next version. A version is a copy of the definition at
// that moment and never changes (the application role cannot UPDATE journey_versions); contacts
// entering from now on run it, contacts already inside stay on the version they entered.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { JourneyDefinition } from "./definition.ts";
import { InvalidDefinitionError } from "./invalid-definition.ts";
import { JourneyAtVersion, type JourneyAtVersionInput } from "./journey-inputs.ts";
import { type JourneyRow, lockJourney } from "./load-journey.ts";
import { definitionProblems } from "./update-journey.ts";

export type JourneyVersionRow = typeof schema.journeyVersions.$inferSelect;

export async function publishJourney(
  ctx: OperationContext,
  raw: JourneyAtVersionInput,
): Promise<{ journey: JourneyRow; version: JourneyVersionRow }> {
  authorize(ctx, "journeys:write");
  const input = parseInput(JourneyAtVersion, raw);
  // The lock makes published_version + 1 the next number: two publishes cannot both take it.
  const before = await lockJourney(ctx, input.id, input.version);
  if (before.status === "archived")
    fail("INVALID_TRANSITION", "An archived journey cannot be published.", "status");
  const parsed = JourneyDefinition.safeParse(before.draft);
  if (!parsed.success) {
    throw new InvalidDefinitionError(
      parsed.error.issues.map((i) => ({
        nodeId: null,
        code: "INVALID_SHAPE" as const,
        message: `${i.path.join(".")}: ${i.message}`,
      })),
    );
  }
  const problems = await definitionProblems(ctx, parsed.data);
  if (problems.length > 0) throw new InvalidDefinitionError(problems);

  const number = (before.publishedVersion ?? 0) + 1;
  const [version] = await ctx.tx
    .insert(schema.journeyVersions)
    .values({
      accountId: ctx.accountId,
      journeyId: before.id,
      number,
      definition: parsed.data as unknown as Record<string, unknown>,
      publishedBy: ctx.actor.userId,
    })
    .returning();
  const j = schema.journeys;
  const [after] = await ctx.tx
    .update(j)
    .set({ publishedVersion: number, version: sql`${j.version} + 1` })
    .where(eq(j.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "journey.published",
    entityType: "journey",
    entityId: before.id,
    before: { publishedVersion: before.publishedVersion },
    after: { publishedVersion: number },
    payload: { number, versionId: version!.id },
  });
  return { journey: after!, version: version! };
}
