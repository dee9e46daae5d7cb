// Reading workflow definitions: by id (any version, any status) and the newest active version of a
// name (what start_workflow steps and schedules start). Row-level security keeps them per tenant.
import { schema } from "@markettina/db";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";

export type WorkflowDefinitionRow = typeof schema.workflowDefinitions.$inferSelect;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

export async function loadWorkflowDefinition(
  ctx: OperationContext,
  id: string,
): Promise<WorkflowDefinitionRow> {
  authorize(ctx, "workflows:read");
  // Not an id at all: nothing has it (and PostgreSQL would refuse the comparison).
  if (!isUuid(id)) return notFound("id", "Workflow definition");
  const d = schema.workflowDefinitions;
  const [row] = await ctx.tx
    .select()
    .from(d)
    .where(and(eq(d.accountId, ctx.accountId), eq(d.id, id)));
  return row ?? notFound("id", "Workflow definition");
}

/** The newest active version of the workflow named `name`, or null when none is active. */
export async function newestActiveDefinition(
  ctx: OperationContext,
  name: string,
): Promise<WorkflowDefinitionRow | null> {
  authorize(ctx, "workflows:read");
  const d = schema.workflowDefinitions;
  const [row] = await ctx.tx
    .select()
    .from(d)
    .where(and(eq(d.accountId, ctx.accountId), eq(d.name, name), eq(d.status, "active")))
    .orderBy(desc(d.version))
    .limit(1);
  return row ?? null;
}

/**
 * The definition an edit or lifecycle move names, locked FOR UPDATE: two changes to one version
 * run one after the other, so a draft cannot be activated while another request rewrites it.
 */
export async function lockWorkflowDefinition(
  ctx: OperationContext,
  id: string,
): Promise<WorkflowDefinitionRow> {
  const d = schema.workflowDefinitions;
  const [row] = await ctx.tx
    .select()
    .from(d)
    .where(and(eq(d.accountId, ctx.accountId), eq(d.id, id)))
    .for("update");
  return row ?? notFound("id", "Workflow definition");
}
