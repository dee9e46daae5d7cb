// Renders a saved template, or a draft being edited, with sample values: the subject and text as
// they will be sent, and the HTML body with the template's text and every value escaped (script
// or markup stays inert). Every merge variable that cannot be filled is reported as a typed
// UNKNOWN_VARIABLE error alongside the rendering, so a preview always shows something.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput, type UserError } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { loadTemplate } from "./load-template.ts";
import { renderTemplate } from "./render-template.ts";
import {
  type TemplateSource,
  TemplateVariables,
  undeclaredVariables,
  undeclaredVariableUses,
} from "./template-inputs.ts";

/** Merge values: strings, or numbers and booleans shown as written; null means "not given". */
const MergeValues = z
  .record(z.string(), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]))
  .transform((values) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    ),
  );

export const PreviewTemplateInput = z
  .object({
    /** A saved template… */
    id: z.uuid().optional(),
    /** …or the fields being edited, not saved yet. */
    draft: z
      .object({
        subject: z.string().max(500).default(""),
        body: z.string().max(100_000).default(""),
        variables: TemplateVariables.default([]),
      })
      .optional(),
    values: MergeValues.default({}),
  })
  .refine((i) => (i.id === undefined) !== (i.draft === undefined), {
    message: "Give either a template id or a draft.",
    path: ["id"],
  });
export type PreviewTemplateInput = z.input<typeof PreviewTemplateInput>;

export interface TemplatePreview {
  subject: string;
  text: string;
  html: string;
  /** Variables used that cannot be filled: not declared, or with no value and no default. */
  unknownVariables: string[];
  /** One UNKNOWN_VARIABLE per such variable, naming it. */
  errors: UserError[];
}

/** Renders a template with values (pure; the connectors that send templates use it too). */
export function renderTemplatePreview(
  template: TemplateSource,
  values: Readonly<Record<string, string>>,
): TemplatePreview {
  const subject = renderTemplate(template.subject, values, template.variables);
  const body = renderTemplate(template.body, values, template.variables);
  const errors = undeclaredVariables(template);
  const reported = new Set(undeclaredVariableUses(template).map((u) => u.name));
  for (const name of [...subject.unknown, ...body.unknown]) {
    if (reported.has(name)) continue;
    reported.add(name);
    errors.push({
      field: `values.${name}`,
      code: "UNKNOWN_VARIABLE",
      message: `No value for {{${name}}}, and the template gives it no default.`,
    });
  }
  // A subject is one line of plain text (an email header): a value's line breaks become spaces, so
  // no value can add a header. Only the body has an HTML version.
  return {
    subject: subject.text.replace(/\s*[\r\n]+\s*/g, " "),
    text: body.text,
    html: body.html,
    unknownVariables: [...reported],
    errors,
  };
}

export async function previewTemplate(
  ctx: OperationContext,
  raw: PreviewTemplateInput,
): Promise<TemplatePreview> {
  authorize(ctx, "content:read");
  const input = parseInput(PreviewTemplateInput, raw);
  const template = input.id ? await loadTemplate(ctx, input.id) : input.draft!;
  return renderTemplatePreview(template, input.values);
}
