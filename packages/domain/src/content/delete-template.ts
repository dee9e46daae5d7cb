// Deletes an archived template for good (freeing its name). Only archived ones: deleting is a
// second, deliberate step after archiving. Content items keep a reference to the template they
// were started from, so a template still referenced is refused rather than orphaning them.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { TemplateRefInput } from "./archive-template.ts";
import { lockTemplate } from "./load-template.ts";

export async function deleteTemplate(ctx: OperationContext, raw: TemplateRefInput): Promise<{ id: string }> {
  authorize(ctx, "content:write");
  const input = parseInput(TemplateRefInput, raw);
  const before = await lockTemplate(ctx, input.id, input.version);
  if (!before.archivedAt) fail("CONFLICT", "Archive the template before deleting it.", "id");
  const items = schema.contentItems;
  // The foreign key would refuse too; asking first gives a clear answer. The lock taken above
  // makes a content item being created from this template meanwhile wait (its key-share lock on
  // the template conflicts), so nothing slips in between this check and the delete.
  const [used] = await ctx.tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.accountId, ctx.accountId), eq(items.templateId, before.id)))
    .limit(1);
  if (used) fail("CONFLICT", "Content was started from this template: keep it archived instead.", "id");
  await ctx.tx.delete(schema.contentTemplates).where(eq(schema.contentTemplates.id, before.id));
  await recordChange(ctx, {
    action: "template.deleted",
    entityType: "content_template",
    entityId: before.id,
    before,
  });
  return { id: before.id };
}
