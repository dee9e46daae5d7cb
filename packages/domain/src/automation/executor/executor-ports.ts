// What the journey executor needs from the application around it. The domain never talks to a job
// queue, a workflow engine or an AI provider itself; the worker hands it these ports. Each is
// optional: an action whose port is absent ends its step `errored` with a message saying why, and
// the contact carries on.
import type { Transaction } from "@markettina/db";
import type { GenerationProvider } from "../../content/generation-provider.ts";

/** Starts a durable workflow for a journey step (the workflow engine implements it). */
export interface WorkflowStarter {
  /**
   * Starts `workflowKey` in the step's transaction `tx`. `idempotencyKey` is the step's own
   * (journey-step:<execution>:<seq>): the same key must never start a second instance.
   */
  start(
    tx: Transaction,
    request: {
      accountId: string;
      workflowKey: string;
      idempotencyKey: string;
      input: { contactId: string; journeyId: string; executionId: string; nodeId: string };
    },
  ): Promise<{ instanceId: string }>;
}

/** A webhook call a step asks for. */
export interface JourneyWebhookCall {
  /** journey-step:<execution>:<seq>: sent as Idempotency-Key, the same on every delivery attempt. */
  key: string;
  accountId: string;
  connectorId: string;
  journeyId: string;
  executionId: string;
  nodeId: string;
  contact: { id: string; email: string | null; phone: string | null; externalId: string | null };
  occurredAt: string;
}

/**
 * A durable outbox for effects that leave the database (webhook calls). `enqueue` writes in the
 * step's transaction `tx`, so the call is queued if and only if the step commits; delivery happens
 * later, outside it, with retries, keyed so the receiver can drop a repeat.
 */
export interface JourneyEffectQueue {
  enqueueWebhook(tx: Transaction, call: JourneyWebhookCall): Promise<void>;
}

/** Work a step leaves for right away: executions due now, messages just queued. */
export interface ContinuationWork {
  executions: { executionId: string; seq: number }[];
  messageIds: string[];
}

/**
 * The executor's job queue (the worker's pg-boss). `enqueue` writes the jobs for the work a step
 * leaves IN THE STEP'S TRANSACTION `tx`: they exist if and only if the step commits, so a worker
 * killed after the commit loses nothing and the dispatchers need not look for it. Without this
 * port the rows are left for the dispatchers (the tests' drivers).
 */
export interface ExecutorQueue {
  enqueue(tx: Transaction, accountId: string, work: ContinuationWork): Promise<void>;
}

export interface ExecutorDeps {
  /** Unsubscribe links in marketing messages: the API's public address and AUTH_SECRET. */
  unsubscribe?: { baseUrl: string; secret: string };
  /** The provider name recorded on queued messages, per channel (default "log"). */
  providerNames?: Partial<Record<"email" | "sms" | "push", string>>;
  workflows?: WorkflowStarter;
  effects?: JourneyEffectQueue;
  queue?: ExecutorQueue;
  /** generate_content actions (default: the offline provider, as the console's generation). */
  generationProvider?: GenerationProvider;
}
