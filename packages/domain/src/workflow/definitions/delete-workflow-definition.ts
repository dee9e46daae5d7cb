// Deletes a draft version (nothing ever ran it). Other versions are deprecated or archived instead:
// their instances reference them.
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { lockWorkflowDefinition } from "./load-workflow-definition.ts";
import { WorkflowDefinitionRef, type WorkflowDefinitionRefInput } from "./workflow-definition-inputs.ts";

export async function deleteWorkflowDefinition(
  ctx: OperationContext,
  raw: WorkflowDefinitionRefInput,
): Promise<{ deletedId: string }> {
  authorize(ctx, "workflows:write");
  const input = parseInput(WorkflowDefinitionRef, raw);
  const before = await lockWorkflowDefinition(ctx, input.id);
  if (before.status !== "draft") {
    fail(
      "INVALID_TRANSITION",
      `Only a draft can be deleted; archive a ${before.status} version instead.`,
      "status",
    );
  }
  const d = schema.workflowDefinitions;
  await ctx.tx.delete(d).where(eq(d.id, before.id));
  await recordChange(ctx, {
    action: "workflow_definition.deleted",
    entityType: "workflow_definition",
    entityId: before.id,
    before,
  });
  return { deletedId: before.id };
}
