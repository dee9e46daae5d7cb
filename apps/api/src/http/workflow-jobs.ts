// The workflow engine's ports for the GraphQL mutations that make steps runnable (startWorkflow,
// retryWorkflow, approveStep…): its job queue, whose jobs are written in the request's own
// transaction (jobs/workflows.ts: workflowQueue), so a step's job exists if and only if the
// mutation commits. When the worker runs in this process its pg-boss writes them; an API started
// without it (scaled out, `--worker` elsewhere) gets a pg-boss of its own that only writes jobs:
// no supervision, no cron, no workers.
import type { WorkflowEngineDeps } from "@markettina/domain";
import { PgBoss } from "pg-boss";
import { WORKFLOW_STEP_QUEUE, workflowQueue } from "../jobs/workflows.ts";
import type { Logger } from "../logger.ts";

export interface WorkflowJobs {
  deps: WorkflowEngineDeps;
  stop: () => Promise<void>;
}

export async function workflowJobs(options: {
  appUrl: string;
  logger: Logger;
  /** The in-process worker's pg-boss, if it runs here. */
  boss?: PgBoss;
}): Promise<WorkflowJobs> {
  if (options.boss) return { deps: { queue: workflowQueue(options.boss) }, stop: async () => {} };
  const boss = new PgBoss({
    connectionString: options.appUrl,
    schema: "pgboss",
    migrate: false,
    createSchema: false,
    supervise: false,
    schedule: false,
    max: 2,
  });
  boss.on("error", (error) => options.logger.error({ err: error }, "pg-boss (workflow jobs) error"));
  await boss.start();
  // The queue is the worker's (its policy is set by startWorkflows); until a worker has run once it
  // does not exist, and jobs written now must wait for it rather than fail the mutation. Created
  // with the same (standard) policy, so the worker's createQueue/updateQueue find it compatible.
  if (!(await boss.getQueue(WORKFLOW_STEP_QUEUE)))
    await boss.createQueue(WORKFLOW_STEP_QUEUE, { notify: true });
  return {
    deps: { queue: workflowQueue(boss) },
    stop: () => boss.stop({ graceful: false, timeout: 5_000 }),
  };
}
