// What a template may contain; shared by create, update and preview. The merge variables a
// template uses must be the ones it declares: checked on save, so a typo in `{{frist_name}}` is
// found by the person writing the template, not by the contact who receives the email.
import { z } from "zod";
import type { UserError } from "../errors.ts";
import { variablesIn } from "./render-template.ts";

export const TEMPLATE_KINDS = ["content", "email"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The same names render-template.ts's VARIABLE_PATTERN recognises. */
const VariableName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, "Use letters, digits, _ and . (not first) in a variable name.")
  .max(64);

export const TemplateVariableInput = z.object({
  name: VariableName,
  defaultValue: z.string().max(2_000).nullable().default(null),
});

export const TemplateVariables = z
  .array(TemplateVariableInput)
  .max(100, "At most 100 variables.")
  .superRefine((variables, issue) => {
    const seen = new Set<string>();
    variables.forEach((v, i) => {
      if (seen.has(v.name)) {
        issue.addIssue({ code: "custom", path: [i, "name"], message: `{{${v.name}}} is declared twice.` });
      }
      seen.add(v.name);
    });
  });

export const TemplateFields = z.object({
  name: z.string().trim().min(1, "Name the template.").max(160),
  description: z.string().trim().max(2_000),
  subject: z
    .string()
    .trim()
    .max(500)
    .regex(/^[^\r\n]*$/, "A subject is a single line."),
  body: z.string().max(100_000),
  variables: TemplateVariables,
});
export type TemplateFields = z.output<typeof TemplateFields>;

/** What is rendered: a saved template or a draft being edited. */
export interface TemplateSource {
  subject: string;
  body: string;
  variables: readonly { name: string; defaultValue: string | null }[];
}

/** The variables the subject or body uses without declaring them, each with where it is first used. */
export function undeclaredVariableUses(t: TemplateSource): { name: string; field: "subject" | "body" }[] {
  const known = new Set(t.variables.map((v) => v.name));
  const uses: { name: string; field: "subject" | "body" }[] = [];
  for (const field of ["subject", "body"] as const) {
    for (const name of variablesIn(t[field])) {
      if (known.has(name)) continue;
      known.add(name);
      uses.push({ name, field });
    }
  }
  return uses;
}

/** One UNKNOWN_VARIABLE per undeclared variable, naming it. */
export const undeclaredVariables = (t: TemplateSource): UserError[] =>
  undeclaredVariableUses(t).map(({ name, field }) => ({
    field,
    code: "UNKNOWN_VARIABLE",
    message: `The ${field} uses {{${name}}}, which the template does not declare: add it to the variables.`,
  }));

/** Rules across fields, on the template as it will be saved. */
export function templateProblems(t: TemplateSource & { kind: TemplateKind }): UserError[] {
  const problems = undeclaredVariables(t);
  if (t.kind === "email" && t.subject === "") {
    problems.unshift({ field: "subject", code: "INVALID", message: "An email template needs a subject." });
  }
  return problems;
}
