// Puts a version away for good: it starts nothing and cannot be activated again (its history and
// instances stay readable). Archiving an active version deprecates it on the way.
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import type { WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import { moveWorkflowDefinition } from "./move-workflow-definition.ts";
import type { WorkflowDefinitionRefInput } from "./workflow-definition-inputs.ts";

export function archiveWorkflowDefinition(
  ctx: OperationContext,
  input: WorkflowDefinitionRefInput,
): Promise<WorkflowDefinitionRow> {
  return moveWorkflowDefinition(ctx, input, {
    action: "archived",
    from: ["draft", "active", "deprecated"],
    to: "archived",
    set: (row) => (row.status === "active" ? { deprecatedAt: sql`now()` } : {}),
  });
}
