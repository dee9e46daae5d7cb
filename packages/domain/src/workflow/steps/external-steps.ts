// http_request and send_email: effects that leave the database, run outside any transaction by the
// ports the worker provides (deps.external), which send run.idempotencyKey with the effect and check
// what the server allows (the HTTP hosts). A worker without the port fails the step for good, saying
// so, rather than pretending the effect happened.
import type { ExternalStepPorts, StepOutcome, StepRun, WorkflowEngineDeps } from "../engine/engine-ports.ts";
import type { StepHandler } from "./step-handler.ts";
import { failed, parametersOf } from "./step-outcomes.ts";

function delegated(type: "http_request" | "send_email", port: "http" | "email", what: string): StepHandler {
  return {
    mode: "external",
    async run(run: StepRun, deps: WorkflowEngineDeps): Promise<StepOutcome> {
      const parsed = parametersOf(type, run);
      if (!parsed.ok) return parsed.outcome;
      const send: ExternalStepPorts[typeof port] = deps.external?.[port];
      if (!send) return failed(`${what} is not available on this worker.`, "NOT_CONFIGURED");
      return send({ ...run, parameters: parsed.parameters as Record<string, unknown> });
    },
  };
}

export const httpRequestStep = delegated("http_request", "http", "Calling HTTP endpoints");
export const sendEmailStep = delegated("send_email", "email", "Sending email");
