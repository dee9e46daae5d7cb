// Jobs for steps, written through deps.queue IN THE CALLER'S TRANSACTION: a step's job exists if
// and only if the transition that made it runnable commits. Every job carries the instance's
// priority (JOB_PRIORITY). Without a queue (scripts) nothing is enqueued: the sweeper finds nothing
// to do either, so callers that run steps must pass one.
import type { Transaction } from "@markettina/db";
import { JOB_PRIORITY } from "../definition.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import type { InstanceRow } from "./engine-rows.ts";

export interface StepJobRequest {
  stepRowId: string;
  /** The attempt the job runs (attempts so far + 1); 0 names a compensation (compensate-workflow.ts). */
  attempt: number;
  runAt?: Date;
}

export async function enqueueSteps(
  tx: Transaction,
  instance: InstanceRow,
  jobs: readonly StepJobRequest[],
  deps: WorkflowEngineDeps,
): Promise<void> {
  if (jobs.length === 0 || !deps.queue) return;
  const priority = JOB_PRIORITY[instance.priority];
  await deps.queue.enqueue(
    tx,
    jobs.map((j) => ({
      accountId: instance.accountId,
      instanceId: instance.id,
      stepRowId: j.stepRowId,
      attempt: j.attempt,
      priority,
      ...(j.runAt ? { runAt: j.runAt } : {}),
    })),
  );
}
