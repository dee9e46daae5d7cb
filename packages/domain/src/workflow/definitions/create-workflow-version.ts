// A new draft version of a workflow (max + 1 of its name), copying the version named: the way to
// change a workflow once a version of it is active.
import { schema } from "@markettina/db";
import { and, eq, max } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput, uniqueViolation } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { loadWorkflowDefinition, type WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import { WorkflowDefinitionRef, type WorkflowDefinitionRefInput } from "./workflow-definition-inputs.ts";

export async function createWorkflowVersion(
  ctx: OperationContext,
  raw: WorkflowDefinitionRefInput,
): Promise<WorkflowDefinitionRow> {
  authorize(ctx, "workflows:write");
  const input = parseInput(WorkflowDefinitionRef, raw);
  const source = await loadWorkflowDefinition(ctx, input.id);
  const d = schema.workflowDefinitions;
  const [newest] = await ctx.tx
    .select({ version: max(d.version) })
    .from(d)
    .where(and(eq(d.accountId, ctx.accountId), eq(d.name, source.name)));
  let created: WorkflowDefinitionRow | undefined;
  try {
    [created] = await ctx.tx
      .insert(d)
      .values({
        accountId: ctx.accountId,
        name: source.name,
        version: (newest?.version ?? source.version) + 1,
        description: source.description,
        definition: source.definition,
        createdBy: ctx.actor.userId,
      })
      .returning();
  } catch (error) {
    // Someone created a version of this workflow at the same moment: theirs took the number.
    if (uniqueViolation(error) === "workflow_definitions_name_version_key") {
      fail("CONFLICT", "Another version of this workflow was just created: reload and try again.", "id");
    }
    throw error;
  }
  await recordChange(ctx, {
    action: "workflow_definition.version_created",
    entityType: "workflow_definition",
    entityId: created!.id,
    after: created,
    payload: { id: created!.id, name: created!.name, version: created!.version, from: source.id },
  });
  return created!;
}
