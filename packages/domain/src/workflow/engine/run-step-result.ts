import type { InstanceStatus } from "./engine-rows.ts";

/** What one step job did. */
export type RunStepResult =
  /** Nothing: the step or instance is gone, the job is stale (the attempt moved on), or not due. */
  | { status: "ignored"; reason: "missing" | "stale" | "not_due" }
  | {
      status:
        | "completed"
        | "skipped"
        | "cancelled"
        | "waiting"
        | "retrying"
        | "failed"
        /** A compensation job: the step was undone, or its compensation failed (the saga goes on). */
        | "compensated"
        | "compensation_failed";
      stepId: string;
      instanceStatus: InstanceStatus;
      /** retrying: when the next attempt runs; waiting: when the wait ends (null: a person or a child). */
      nextRunAt: Date | null;
    };
