// wait: the step waits for a time (now + duration, or an instant). The engine completes it when its
// job comes due at `until` (resume-waiting-step.ts) with the output given here; a time already
// past completes at once.
import type { StepHandler } from "./step-handler.ts";
import { completed, failed, parametersOf } from "./step-outcomes.ts";

export const waitStep: StepHandler = {
  mode: "transaction",
  async run(_ctx, run) {
    const parsed = parametersOf("wait", run);
    if (!parsed.ok) return parsed.outcome;
    const p = parsed.parameters;
    const until =
      "duration" in p ? new Date(run.now.getTime() + p.duration.seconds * 1000) : new Date(p.until);
    if (Number.isNaN(until.getTime())) {
      return failed(
        `"${"until" in p ? p.until : ""}" is not a time: give an ISO instant such as 2026-12-01T09:00:00Z.`,
        "INVALID_PARAMETERS",
      );
    }
    const output = { until: until.toISOString() };
    if (until <= run.now) return completed(output);
    return { status: "waiting", waitingFor: "time", until, output };
  },
};
