// Retires a journey for good: nobody enters any more and every execution still under way exits
// with reason 'archived'. Its versions, executions and statistics stay readable.
import type { OperationContext } from "../../context.ts";
import { exitRunningExecutions } from "./exit-running-executions.ts";
import type { JourneyAtVersionInput } from "./journey-inputs.ts";
import type { JourneyRow } from "./load-journey.ts";
import { moveJourney } from "./move-journey.ts";

export function archiveJourney(ctx: OperationContext, input: JourneyAtVersionInput): Promise<JourneyRow> {
  return moveJourney(ctx, input, {
    action: "archived",
    from: ["draft", "active", "paused"],
    to: "archived",
    before: async (journey) => {
      await exitRunningExecutions(ctx, journey.id, "archived", journey.campaignId);
    },
  });
}
