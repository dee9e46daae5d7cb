// Holds an active journey: no one enters, and every execution stays at its node, however overdue
// its next step becomes (app.due_journey_executions only returns executions of active journeys).
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import type { JourneyAtVersionInput } from "./journey-inputs.ts";
import type { JourneyRow } from "./load-journey.ts";
import { moveJourney } from "./move-journey.ts";

export function pauseJourney(ctx: OperationContext, input: JourneyAtVersionInput): Promise<JourneyRow> {
  return moveJourney(ctx, input, {
    action: "paused",
    from: ["active"],
    to: "paused",
    set: { pausedAt: sql`now()` },
  });
}
