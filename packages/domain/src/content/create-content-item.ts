// A marketer (or a generation) creates a content item: a draft, version 1, brand-checked.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { ContentFields, checkContentReferences, contentProblems } from "./content-inputs.ts";
import type { ContentItemRow } from "./load-content-item.ts";
import { insertContentItem } from "./write-content-version.ts";

export const CreateContentItemInput = ContentFields.partial().required({ type: true, title: true }).extend({
  /** The generation that wrote the first draft (content generation sets it). */
  generationId: z.uuid().nullable().optional(),
});
export type CreateContentItemInput = z.input<typeof CreateContentItemInput>;

export async function createContentItem(
  ctx: OperationContext,
  raw: CreateContentItemInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(CreateContentItemInput, raw);
  const problems = contentProblems(input);
  if (problems.length > 0) throw new DomainError(problems);
  await checkContentReferences(ctx, input);
  const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return insertContentItem(ctx, { ...values, type: input.type, title: input.title });
}
