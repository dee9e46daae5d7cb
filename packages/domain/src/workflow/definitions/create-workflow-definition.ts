// A new workflow: version 1 of its name, a draft (saved with whatever problems it has; activating
// it is what requires none).
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput, uniqueViolation } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import type { WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import {
  definitionToStore,
  WorkflowDefinitionJson,
  WorkflowDescription,
  WorkflowName,
} from "./workflow-definition-inputs.ts";

export const CreateWorkflowDefinitionInput = z.object({
  name: WorkflowName,
  description: WorkflowDescription.optional(),
  definition: WorkflowDefinitionJson,
});
export type CreateWorkflowDefinitionInput = z.input<typeof CreateWorkflowDefinitionInput>;

const nameTaken = (): never =>
  fail("CONFLICT", "A workflow with this name exists: create a new version of it instead.", "name");

export async function createWorkflowDefinition(
  ctx: OperationContext,
  raw: CreateWorkflowDefinitionInput,
): Promise<WorkflowDefinitionRow> {
  authorize(ctx, "workflows:write");
  const input = parseInput(CreateWorkflowDefinitionInput, raw);
  const d = schema.workflowDefinitions;
  const [existing] = await ctx.tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.accountId, ctx.accountId), eq(d.name, input.name)))
    .limit(1);
  if (existing) nameTaken();
  let created: WorkflowDefinitionRow | undefined;
  try {
    [created] = await ctx.tx
      .insert(d)
      .values({
        accountId: ctx.accountId,
        name: input.name,
        version: 1,
        description: input.description ?? "",
        definition: definitionToStore(input.definition),
        createdBy: ctx.actor.userId,
      })
      .returning();
  } catch (error) {
    // Two requests creating the same name at once: the unique (account, name, version) decides.
    if (uniqueViolation(error) === "workflow_definitions_name_version_key") nameTaken();
    throw error;
  }
  await recordChange(ctx, {
    action: "workflow_definition.created",
    entityType: "workflow_definition",
    entityId: created!.id,
    after: created,
  });
  return created!;
}
