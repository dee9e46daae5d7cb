// The template an edit names, locked, with the version check every people-edited object has.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, notFound } from "../errors.ts";

export type TemplateRow = typeof schema.contentTemplates.$inferSelect;

/** Reads one of the current account's templates (RLS hides other tenants' rows anyway). */
export async function loadTemplate(ctx: OperationContext, id: string, field = "id"): Promise<TemplateRow> {
  const t = schema.contentTemplates;
  const [row] = await ctx.tx
    .select()
    .from(t)
    .where(and(eq(t.accountId, ctx.accountId), eq(t.id, id)));
  return row ?? notFound(field, "Template");
}

export async function lockTemplate(ctx: OperationContext, id: string, version: number): Promise<TemplateRow> {
  const t = schema.contentTemplates;
  const [row] = await ctx.tx
    .select()
    .from(t)
    .where(and(eq(t.accountId, ctx.accountId), eq(t.id, id)))
    .for("update");
  if (!row) return notFound("id", "Template");
  if (row.version !== version) {
    return fail("CONFLICT", "The template was changed by someone else: reload it and try again.", "version");
  }
  return row;
}

export const TEMPLATE_NAME_TAKEN = "content_templates_name_key";
