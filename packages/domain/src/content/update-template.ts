// Edits a template's fields, naming the version read. The kind stays what it was created as.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, fail, parseInput, uniqueViolation } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { lockTemplate, TEMPLATE_NAME_TAKEN, type TemplateRow } from "./load-template.ts";
import { TemplateFields, templateProblems } from "./template-inputs.ts";

export const UpdateTemplateInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  changes: TemplateFields.partial(),
});
export type UpdateTemplateInput = z.input<typeof UpdateTemplateInput>;

export async function updateTemplate(ctx: OperationContext, raw: UpdateTemplateInput): Promise<TemplateRow> {
  authorize(ctx, "content:write");
  const input = parseInput(UpdateTemplateInput, raw);
  const before = await lockTemplate(ctx, input.id, input.version);
  if (before.archivedAt) fail("CONFLICT", "The template is archived: unarchive it to edit it.", "id");
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined));
  // Checked on the template as it will be: removing a variable the body still uses is refused.
  const problems = templateProblems({ ...before, ...changes });
  if (problems.length > 0) throw new DomainError(problems);
  const t = schema.contentTemplates;
  try {
    const [after] = await ctx.tx
      .update(t)
      .set({ ...changes, version: sql`${t.version} + 1` })
      .where(eq(t.id, before.id))
      .returning();
    await recordChange(ctx, {
      action: "template.updated",
      entityType: "content_template",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  } catch (error) {
    if (uniqueViolation(error) === TEMPLATE_NAME_TAKEN) {
      fail("TAKEN", "There is already a template of this kind with this name.", "name");
    }
    throw error;
  }
}
