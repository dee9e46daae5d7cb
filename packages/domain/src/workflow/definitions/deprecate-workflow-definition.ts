// Stops a version from starting new instances (startWorkflow refuses it; schedules and
// start_workflow steps move on to the newest active version); running instances finish.
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import type { WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import { moveWorkflowDefinition } from "./move-workflow-definition.ts";
import type { WorkflowDefinitionRefInput } from "./workflow-definition-inputs.ts";

export function deprecateWorkflowDefinition(
  ctx: OperationContext,
  input: WorkflowDefinitionRefInput,
): Promise<WorkflowDefinitionRow> {
  return moveWorkflowDefinition(ctx, input, {
    action: "deprecated",
    from: ["active"],
    to: "deprecated",
    set: () => ({ deprecatedAt: sql`now()` }),
  });
}
