// Which code runs a step of each type. "transaction" handlers run inside the engine's finishing
// transaction (their rows commit with the step's completion: exactly once); "external" ones run
// outside any transaction and send run.idempotencyKey with their effect (at least once, deduplicated
// by the receiver). generate_content is a "transaction" handler: see generate-content.ts.
import type { OperationContext } from "../../context.ts";
import type { StepType } from "../definition.ts";
import type { StepOutcome, StepRun, WorkflowEngineDeps } from "../engine/engine-ports.ts";
import { approvalStep } from "./approval.ts";
import { httpRequestStep, sendEmailStep } from "./external-steps.ts";
import { generateContentStep } from "./generate-content.ts";
import { setVariableStep } from "./set-variable.ts";
import { startWorkflowStep } from "./start-child-workflow.ts";
import { releaseTokensStep, reserveTokensStep, settleTokensStep } from "./tokens.ts";
import { transformStep } from "./transform.ts";
import { waitStep } from "./wait.ts";

export type StepHandler =
  | {
      mode: "transaction";
      run(ctx: OperationContext, run: StepRun, deps: WorkflowEngineDeps): Promise<StepOutcome>;
    }
  | { mode: "external"; run(run: StepRun, deps: WorkflowEngineDeps): Promise<StepOutcome> };

const HANDLERS: Record<StepType, StepHandler> = {
  http_request: httpRequestStep,
  send_email: sendEmailStep,
  wait: waitStep,
  approval: approvalStep,
  reserve_tokens: reserveTokensStep,
  settle_tokens: settleTokensStep,
  release_tokens: releaseTokensStep,
  generate_content: generateContentStep,
  start_workflow: startWorkflowStep,
  set_variable: setVariableStep,
  transform: transformStep,
};

/** The handler of a step type (the definition was validated: the type is known). */
export function stepHandler(type: StepType): StepHandler {
  const handler = Object.hasOwn(HANDLERS, type) ? HANDLERS[type] : undefined;
  if (!handler) throw new Error(`Unknown workflow step type: ${type}`);
  return handler;
}
