// The journeys' "start workflow" action (automation/executor/executor-ports.ts WorkflowStarter):
// starts the newest active version of the definition named `workflowKey`, as the system, in the
// journey step's own transaction, keyed by the step (journey-step:<execution>:<seq>) so a step run
// twice never starts a second instance. A refusal (no active version) is a DomainError the action
// records as its step's error. The worker passes the engine's deps (its queue).
import type { WorkflowStarter } from "../../automation/executor/executor-ports.ts";
import { type OperationContext, systemActor } from "../../context.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { startWorkflow } from "./start-workflow.ts";

export function journeyWorkflowStarter(deps: WorkflowEngineDeps): WorkflowStarter {
  return {
    async start(tx, request) {
      const scope = {
        accountId: request.accountId,
        accountIds: [request.accountId],
        userId: null,
        apiKeyId: null,
      };
      const ctx: OperationContext = {
        tx,
        actor: systemActor,
        accountId: request.accountId,
        role: null,
        scopes: null,
        scope,
      };
      const { instance } = await startWorkflow(
        ctx,
        {
          name: request.workflowKey,
          input: request.input,
          idempotencyKey: request.idempotencyKey,
          correlationId: request.input.executionId,
        },
        deps,
      );
      return { instanceId: instance.id };
    },
  };
}
