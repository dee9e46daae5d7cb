// The journey executor's "start workflow" action (WorkflowStarter): starts the newest active
// version of the workflow named by the journey step, in the step's transaction, with the step's
// own idempotency key (journey-step:<execution>:<seq>): a step that runs again (a retried job)
// finds the instance it started and starts no second one.
import type { TenantScope } from "@markettina/db";
import {
  startWorkflow,
  systemActor,
  type WorkflowEngineDeps,
  type WorkflowStarter,
} from "@markettina/domain";

export function workflowStarter(deps: WorkflowEngineDeps): WorkflowStarter {
  return {
    async start(tx, request) {
      const scope: TenantScope = {
        accountId: request.accountId,
        accountIds: [request.accountId],
        userId: null,
        apiKeyId: null,
      };
      const { instance } = await startWorkflow(
        { tx, actor: systemActor, accountId: request.accountId, role: null, scopes: null, scope },
        {
          name: request.workflowKey,
          input: { ...request.input },
          idempotencyKey: request.idempotencyKey,
          correlationId: `journey:${request.input.executionId}`,
        },
        deps,
      );
      return { instanceId: instance.id };
    },
  };
}
