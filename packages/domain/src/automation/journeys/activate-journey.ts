// Opens a journey to contacts: its published version starts taking entrants (triggers and
// enrolments). A paused journey may be activated too (the same as resuming it).
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail } from "../../errors.ts";
import type { JourneyAtVersionInput } from "./journey-inputs.ts";
import type { JourneyRow } from "./load-journey.ts";
import { moveJourney } from "./move-journey.ts";

export function activateJourney(ctx: OperationContext, input: JourneyAtVersionInput): Promise<JourneyRow> {
  return moveJourney(ctx, input, {
    action: "activated",
    from: ["draft", "paused"],
    to: "active",
    before: (journey) => {
      if (journey.publishedVersion === null) {
        fail("INVALID_TRANSITION", "Publish the journey before activating it.", "publishedVersion");
      }
    },
    set: { activatedAt: sql`coalesce(activated_at, now())`, pausedAt: null },
  });
}
