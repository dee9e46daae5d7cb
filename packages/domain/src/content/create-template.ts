// A marketer writes a content or email template: subject and body with {{variables}}, each
// variable declared (with an optional default) so a missing one is caught on save.
import { schema } from "@markettina/db";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, fail, parseInput, uniqueViolation } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { TEMPLATE_NAME_TAKEN, type TemplateRow } from "./load-template.ts";
import { TEMPLATE_KINDS, TemplateFields, templateProblems } from "./template-inputs.ts";

export const CreateTemplateInput = TemplateFields.partial()
  .required({ name: true })
  .extend({ kind: z.enum(TEMPLATE_KINDS) });
export type CreateTemplateInput = z.input<typeof CreateTemplateInput>;

export async function createTemplate(ctx: OperationContext, raw: CreateTemplateInput): Promise<TemplateRow> {
  authorize(ctx, "content:write");
  const input = parseInput(CreateTemplateInput, raw);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const template = {
    description: "",
    subject: "",
    body: "",
    variables: [],
    ...given,
    kind: input.kind,
    name: input.name,
  };
  const problems = templateProblems(template);
  if (problems.length > 0) throw new DomainError(problems);
  try {
    const [created] = await ctx.tx
      .insert(schema.contentTemplates)
      .values({ ...template, accountId: ctx.accountId, createdBy: ctx.actor.userId })
      .returning();
    await recordChange(ctx, {
      action: "template.created",
      entityType: "content_template",
      entityId: created!.id,
      after: created,
    });
    return created!;
  } catch (error) {
    if (uniqueViolation(error) === TEMPLATE_NAME_TAKEN) {
      fail(
        "TAKEN",
        `There is already a${input.kind === "email" ? "n email" : ""} template with this name.`,
        "name",
      );
    }
    throw error;
  }
}
