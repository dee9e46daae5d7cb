// Lets a paused journey go on. Nothing about the held executions changes: their next_run_at is
// kept, so the due function returns them again at once and those whose time passed during the
// pause run straight away, in order of when they were due.
import type { OperationContext } from "../../context.ts";
import type { JourneyAtVersionInput } from "./journey-inputs.ts";
import type { JourneyRow } from "./load-journey.ts";
import { moveJourney } from "./move-journey.ts";

export function resumeJourney(ctx: OperationContext, input: JourneyAtVersionInput): Promise<JourneyRow> {
  return moveJourney(ctx, input, {
    action: "resumed",
    from: ["paused"],
    to: "active",
    set: { pausedAt: null },
  });
}
