// What a workflow definition's own fields may hold; shared by create, update and the lifecycle moves.
import { z } from "zod";
import { validateWorkflow } from "./validate-workflow.ts";

/** Versions of one workflow share its name (start_workflow steps and schedules start it by name). */
export const WorkflowName = z.string().trim().min(1, "Name the workflow.").max(200);
export const WorkflowDescription = z.string().trim().max(5_000);
/** The definition as the builder sends it: checked by validateWorkflow, saved even with problems. */
export const WorkflowDefinitionJson = z.record(z.string(), z.unknown(), "A definition is a JSON object.");

export const WorkflowDefinitionRef = z.object({ id: z.uuid() });
export type WorkflowDefinitionRefInput = z.input<typeof WorkflowDefinitionRef>;

/**
 * What is stored for a definition the builder sent: the parsed form (defaults filled in, unknown
 * keys dropped) when its shape is right, else the JSON as sent, so a half-written draft is kept.
 */
export function definitionToStore(raw: Record<string, unknown>): Record<string, unknown> {
  const { definition } = validateWorkflow(raw);
  return definition ? (definition as unknown as Record<string, unknown>) : raw;
}
