// Archiving hides a template from pickers without touching the content started from it; an
// archived template can be brought back, or deleted for good (delete-template.ts).
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { lockTemplate, type TemplateRow } from "./load-template.ts";

export const TemplateRefInput = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type TemplateRefInput = z.input<typeof TemplateRefInput>;

export async function archiveTemplate(ctx: OperationContext, raw: TemplateRefInput): Promise<TemplateRow> {
  return setArchived(ctx, raw, true);
}

export async function unarchiveTemplate(ctx: OperationContext, raw: TemplateRefInput): Promise<TemplateRow> {
  return setArchived(ctx, raw, false);
}

async function setArchived(ctx: OperationContext, raw: TemplateRefInput, archive: boolean) {
  authorize(ctx, "content:write");
  const input = parseInput(TemplateRefInput, raw);
  const before = await lockTemplate(ctx, input.id, input.version);
  if ((before.archivedAt !== null) === archive) {
    fail("CONFLICT", archive ? "The template is already archived." : "The template is not archived.", "id");
  }
  const t = schema.contentTemplates;
  const [after] = await ctx.tx
    .update(t)
    .set({ archivedAt: archive ? sql`now()` : null, version: sql`${t.version} + 1` })
    .where(eq(t.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: archive ? "template.archived" : "template.unarchived",
    entityType: "content_template",
    entityId: before.id,
  });
  return after!;
}
