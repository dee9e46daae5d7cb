// One instance as its page reads it: types from the query, and what a step's state means on the
// graph (colour, note) and for the buttons (is it waiting for a decision?).
import type { GraphTone } from "@/components/workflows/workflow-graph";
import type { ResultOf } from "@/lib/graphql/graphql";
import { STEP_STATUS_LABELS, type StepStatus } from "../../workflow-model";
import type { WorkflowInstanceQuery } from "../instance-operations";

export type InstanceDetail = NonNullable<ResultOf<typeof WorkflowInstanceQuery>["workflowInstance"]>;
export type InstanceStep = InstanceDetail["steps"][number];

/** A running step the engine parked waiting for a person to approve or reject it. */
export const awaitsApproval = (step: InstanceStep) =>
  step.status === "RUNNING" && step.waitingFor === "approval";

const GRAPH_TONES: Record<StepStatus, GraphTone> = {
  PENDING: "neutral",
  RUNNING: "accent",
  COMPLETED: "success",
  FAILED: "danger",
  SKIPPED: "neutral",
  COMPENSATING: "warning",
  COMPENSATED: "warning",
  CANCELLED: "neutral",
};

const WAITING_WORDS: Record<string, string> = {
  approval: "Waiting for approval",
  time: "Waiting until its time",
  child: "Waiting for the child workflow",
};

/** The status on the card: a waiting step says what it waits for, a retrying one its attempts. */
export function stepState(step: InstanceStep): { tone: GraphTone; status: string; note?: string } {
  if (awaitsApproval(step)) return { tone: "warning", status: WAITING_WORDS.approval ?? "Waiting" };
  const waiting = step.status === "RUNNING" && step.waitingFor ? WAITING_WORDS[step.waitingFor] : undefined;
  const status = waiting ?? STEP_STATUS_LABELS[step.status];
  const attempts = step.attempts > 1 ? ` · attempt ${step.attempts} of ${step.maxAttempts}` : "";
  const note = step.status === "FAILED" ? errorText(step.error) : (step.skipReason ?? undefined);
  return { tone: GRAPH_TONES[step.status], status: `${status}${attempts}`, note };
}

/** An error as the API stores it (a string, or { message, … }) in a line. */
export function errorText(error: unknown): string | undefined {
  if (error === null || error === undefined) return undefined;
  if (typeof error === "string") return error;
  if (typeof error === "object" && "message" in error && typeof error.message === "string")
    return error.message;
  return JSON.stringify(error);
}
