// start_workflow: starts the newest active version of another workflow as a child of this step and
// waits for it; the engine completes or fails this step when the child finishes
// (complete-child-workflow.ts), in the child's finishing transaction. The child's idempotency key
// `workflow-child:<instance>:<step>` makes a repeated run find the child it started, never a second.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { startWorkflow } from "../engine/start-workflow.ts";
import type { StepHandler } from "./step-handler.ts";
import { attempt, completed, failed, parametersOf } from "./step-outcomes.ts";

export const startWorkflowStep: StepHandler = {
  mode: "transaction",
  async run(ctx, run, deps) {
    const parsed = parametersOf("start_workflow", run);
    if (!parsed.ok) return parsed.outcome;
    const { workflow, input } = parsed.parameters;
    // CONFLICT: a concurrent start with the same key; the retry finds its child.
    return attempt(ctx, { scopes: ["workflows:write"], transient: ["CONFLICT"] }, async (system) => {
      // The child runs at its parent's priority (the parent's row is already locked by the engine).
      const i = schema.workflowInstances;
      const [parent] = await ctx.tx
        .select({ priority: i.priority })
        .from(i)
        .where(and(eq(i.accountId, ctx.accountId), eq(i.id, run.instanceId)));
      const { instance } = await startWorkflow(
        system,
        {
          name: workflow,
          input,
          priority: parent?.priority ?? "normal",
          idempotencyKey: `workflow-child:${run.instanceId}:${run.stepId}`,
          parentInstanceId: run.instanceId,
          parentStepId: run.stepId,
        },
        deps,
      );
      // The same shape as when the child finishes later (complete-child-workflow.ts).
      const output = { instanceId: instance.id, status: instance.status, result: instance.result ?? null };
      // The child may be over already (found again by its key, or a workflow that finished as it
      // started): then so is this step.
      if (instance.status === "completed") return completed(output);
      if (instance.status === "failed" || instance.status === "cancelled") {
        return failed(`The child workflow ${workflow} ${instance.status}.`, "CHILD_WORKFLOW_FAILED");
      }
      return { status: "waiting", waitingFor: "child", until: null, output };
    });
  },
};
