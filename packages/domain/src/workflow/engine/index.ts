// Public operations of the workflow engine (re-exported by packages/domain/src/index.ts).
export { backoffMs, nextAttemptAt } from "./backoff.ts";
export { type CancelWorkflowInput, cancelWorkflow } from "./cancel-workflow.ts";
export { type DecideApprovalInput, decideApproval } from "./decide-approval.ts";
export * from "./engine-ports.ts";
export type { InstanceRow, InstanceStatus, StepRow } from "./engine-rows.ts";
export {
  DEFAULT_STEP_TIMEOUT_SECONDS,
  findOverdueSteps,
  OVERDUE_GRACE_SECONDS,
  type OverdueStep,
} from "./find-overdue-steps.ts";
export { handleOverdueStep } from "./handle-overdue-step.ts";
export { journeyWorkflowStarter } from "./journey-workflow-starter.ts";
export { type RetryWorkflowInput, retryWorkflow } from "./retry-workflow.ts";
export type { RunStepResult } from "./run-step-result.ts";
export { runWorkflowStep } from "./run-workflow-step.ts";
export { type StartWorkflowInput, startWorkflow } from "./start-workflow.ts";
export { topologicalOrder } from "./topological-order.ts";
