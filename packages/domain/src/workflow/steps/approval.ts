// approval: the step waits for a person to approve or reject it in the console (decideApproval);
// with a timeout, the engine fails it when nobody decided in time (resume-waiting-step.ts).
import type { StepHandler } from "./step-handler.ts";
import { parametersOf } from "./step-outcomes.ts";

export const approvalStep: StepHandler = {
  mode: "transaction",
  async run(_ctx, run) {
    const parsed = parametersOf("approval", run);
    if (!parsed.ok) return parsed.outcome;
    const { prompt, timeoutSeconds } = parsed.parameters;
    const until = timeoutSeconds === null ? null : new Date(run.now.getTime() + timeoutSeconds * 1000);
    return {
      status: "waiting",
      waitingFor: "approval",
      until,
      output: { prompt, timeoutAt: until?.toISOString() ?? null },
    };
  },
};
