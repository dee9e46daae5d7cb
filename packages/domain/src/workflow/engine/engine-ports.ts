// What the workflow engine needs from the application around it. The domain never talks to pg-boss,
// an SMTP server or the network itself: the worker hands it these ports.
import type { Transaction } from "@markettina/db";
import type { GenerationProvider } from "../../content/generation-provider.ts";

/** "Run attempt `attempt` of this step (now, or at `runAt`)": a pg-boss job. */
export interface WorkflowStepJob {
  accountId: string;
  instanceId: string;
  /** workflow_steps.id */
  stepRowId: string;
  attempt: number;
}

/**
 * The engine's job queue. `enqueue` writes the jobs IN THE TRANSITION'S TRANSACTION `tx`: they
 * exist if and only if the transition that made the steps runnable commits.
 */
export interface WorkflowQueue {
  enqueue(
    tx: Transaction,
    jobs: readonly (WorkflowStepJob & { runAt?: Date; priority: number })[],
  ): Promise<void>;
}

/** What a step's work answered. */
export type StepOutcome =
  | { status: "completed"; output: unknown }
  /** Still running, the engine waits: for a time (a wait), a person (approval), a child workflow. */
  | { status: "waiting"; waitingFor: "time" | "approval" | "child"; until: Date | null; output?: unknown }
  | { status: "failed"; error: { message: string; code?: string }; retryable: boolean };

/** What a step handler is given: parameters already resolved from variables. */
export interface StepRun {
  accountId: string;
  instanceId: string;
  stepId: string;
  type: string;
  attempt: number;
  parameters: Record<string, unknown>;
  /** The instance's variables, input and completed steps' outputs (for expressions). */
  scope: { input: Record<string, unknown>; vars: Record<string, unknown>; steps: Record<string, unknown> };
  /** `${instanceId}:${stepId}`: the same on every attempt, sent with every external effect. */
  idempotencyKey: string;
  now: Date;
  /** Aborted at the step's timeout. */
  signal: AbortSignal;
}

/** Effects that leave the database, run outside any transaction, keyed by run.idempotencyKey. */
export interface ExternalStepPorts {
  /** http_request: the caller checks the allowed hosts. */
  http?: (run: StepRun) => Promise<StepOutcome>;
  /** send_email over SMTP. */
  email?: (run: StepRun) => Promise<StepOutcome>;
  generationProvider?: GenerationProvider;
}

export interface WorkflowEngineDeps {
  queue?: WorkflowQueue;
  external?: ExternalStepPorts;
  /** Events between snapshots (default 20). */
  snapshotEvery?: number;
  /** Identifies the worker in step_executions.worker (default host:pid). */
  workerName?: string;
  /** The clock of operations that take no `now` (start, cancel, retry, decide); tests inject one. */
  clock?: () => Date;
}
