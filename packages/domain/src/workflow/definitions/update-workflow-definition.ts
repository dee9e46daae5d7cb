// Edits a draft's description and definition. Active, deprecated and archived versions never
// change: instances run what was activated (create a new version to change it).
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { lockWorkflowDefinition, type WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import {
  definitionToStore,
  WorkflowDefinitionJson,
  WorkflowDescription,
} from "./workflow-definition-inputs.ts";

export const UpdateWorkflowDefinitionInput = z.object({
  id: z.uuid(),
  description: WorkflowDescription.optional(),
  definition: WorkflowDefinitionJson.optional(),
});
export type UpdateWorkflowDefinitionInput = z.input<typeof UpdateWorkflowDefinitionInput>;

export async function updateWorkflowDefinition(
  ctx: OperationContext,
  raw: UpdateWorkflowDefinitionInput,
): Promise<WorkflowDefinitionRow> {
  authorize(ctx, "workflows:write");
  const input = parseInput(UpdateWorkflowDefinitionInput, raw);
  const before = await lockWorkflowDefinition(ctx, input.id);
  if (before.status !== "draft") {
    fail(
      "INVALID_TRANSITION",
      `A ${before.status} version cannot be edited: create a new version of it.`,
      "status",
    );
  }
  const d = schema.workflowDefinitions;
  const [after] = await ctx.tx
    .update(d)
    .set({
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.definition === undefined ? {} : { definition: definitionToStore(input.definition) }),
    })
    .where(eq(d.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "workflow_definition.updated",
    entityType: "workflow_definition",
    entityId: before.id,
    before,
    after,
  });
  return after!;
}
