// Lets a version start instances. Refused with INVALID_DEFINITION (and the problems) while the
// definition has any; what is activated is the parsed definition, defaults filled in, so every
// instance of it reads the same thing. A deprecated version may be activated again.
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { InvalidWorkflowDefinitionError } from "./invalid-workflow-definition.ts";
import type { WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import { moveWorkflowDefinition } from "./move-workflow-definition.ts";
import { validateWorkflow } from "./validate-workflow.ts";
import type { WorkflowDefinitionRefInput } from "./workflow-definition-inputs.ts";

export function activateWorkflowDefinition(
  ctx: OperationContext,
  input: WorkflowDefinitionRefInput,
): Promise<WorkflowDefinitionRow> {
  return moveWorkflowDefinition(ctx, input, {
    action: "activated",
    from: ["draft", "deprecated"],
    to: "active",
    set: (row) => {
      const { definition, problems } = validateWorkflow(row.definition);
      if (problems.length > 0 || !definition) throw new InvalidWorkflowDefinitionError(problems);
      return {
        definition: definition as unknown as Record<string, unknown>,
        activatedAt: sql`coalesce(activated_at, now())`,
        deprecatedAt: null,
      };
    },
  });
}
