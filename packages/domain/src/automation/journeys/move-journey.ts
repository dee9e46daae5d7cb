// One step of the lifecycle (journey-status.ts), shared by activate, pause, resume and archive:
// lock the journey at the version the caller read, refuse a move that does not start from one of
// `from`, set the status with its timestamps, record the change.
import { schema } from "@markettina/db";
import { eq, type SQL, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { JourneyAtVersion, type JourneyAtVersionInput } from "./journey-inputs.ts";
import type { JourneyStatus } from "./journey-status.ts";
import { type JourneyRow, lockJourney } from "./load-journey.ts";

interface Move {
  /** e.g. "paused": also the audit action journey.<action>. */
  action: string;
  from: readonly JourneyStatus[];
  to: JourneyStatus;
  /** Extra checks and effects, in the same transaction, once the move is allowed. */
  before?: (journey: JourneyRow) => Promise<void> | void;
  set?: Partial<typeof schema.journeys.$inferInsert> | Record<string, SQL | null>;
}

export async function moveJourney(
  ctx: OperationContext,
  raw: JourneyAtVersionInput,
  move: Move,
): Promise<JourneyRow> {
  authorize(ctx, "journeys:write");
  const input = parseInput(JourneyAtVersion, raw);
  const before = await lockJourney(ctx, input.id, input.version);
  if (!move.from.includes(before.status)) {
    fail(
      "INVALID_TRANSITION",
      before.status === move.to
        ? `The journey is already ${move.to}.`
        : `A ${before.status} journey cannot be ${move.action}; only a ${move.from.join(" or ")} one can.`,
      "status",
    );
  }
  await move.before?.(before);
  const j = schema.journeys;
  const [after] = await ctx.tx
    .update(j)
    .set({
      ...(move.set as Partial<typeof schema.journeys.$inferInsert>),
      status: move.to,
      version: sql`${j.version} + 1`,
    })
    .where(eq(j.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: `journey.${move.action}`,
    entityType: "journey",
    entityId: before.id,
    before: { status: before.status },
    after: { status: move.to },
  });
  return after!;
}
