// The template editor's model: form values (a variable's default "" means "no default: a value is
// required"), their rules (the API's, so most mistakes show before saving), and what a save sends.
// Undeclared {{variables}} are deliberately not checked here: the API refuses them with
// UNKNOWN_VARIABLE naming each one, and the form shows that next to the field that uses it.
import { z } from "zod";
import { VARIABLE_NAME } from "@/components/templates/template-variables";
import { TEMPLATE_KINDS, type TemplateDetail, type TemplateKind } from "./template-model";

const VariableRow = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the variable.")
    .max(64, "At most 64 characters.")
    .regex(VARIABLE_NAME, "Use letters, digits, _ and . (not first)."),
  defaultValue: z.string().max(2_000, "At most 2,000 characters."),
});

export const TemplateFormInput = z
  .object({
    name: z.string().trim().min(1, "Name the template.").max(160, "At most 160 characters."),
    kind: z.enum(TEMPLATE_KINDS, "Choose a kind."),
    description: z.string().trim().max(2_000, "At most 2,000 characters."),
    subject: z
      .string()
      .trim()
      .max(500, "At most 500 characters.")
      .regex(/^[^\r\n]*$/, "A subject is a single line."),
    body: z.string().max(100_000, "At most 100,000 characters."),
    variables: z.array(VariableRow).max(100, "At most 100 variables."),
  })
  .superRefine((values, issue) => {
    if (values.kind === "EMAIL" && values.subject.trim() === "") {
      issue.addIssue({ code: "custom", path: ["subject"], message: "An email template needs a subject." });
    }
    const seen = new Set<string>();
    values.variables.forEach((variable, index) => {
      const name = variable.name.trim();
      if (name !== "" && seen.has(name)) {
        issue.addIssue({ code: "custom", path: ["variables", index, "name"], message: "Declared twice." });
      }
      seen.add(name);
    });
  });
export type TemplateFormInput = z.infer<typeof TemplateFormInput>;

export function emptyTemplateValues(kind: TemplateKind = "CONTENT"): TemplateFormInput {
  return { name: "", kind, description: "", subject: "", body: "", variables: [] };
}

export function toTemplateFormValues(template: TemplateDetail): TemplateFormInput {
  return {
    name: template.name,
    kind: template.kind,
    description: template.description,
    subject: template.subject,
    body: template.body,
    variables: template.variables.map((v) => ({ name: v.name, defaultValue: v.defaultValue ?? "" })),
  };
}

/** The declared variables as the API takes them (an empty default: none, a value is required). */
export function toVariableInputs(variables: readonly { name?: string; defaultValue?: string }[]) {
  return variables
    .map((v) => ({ name: (v.name ?? "").trim(), defaultValue: v.defaultValue ? v.defaultValue : null }))
    .filter((v) => v.name !== "");
}

/** The TemplateFieldsInput for these values (only emails have a subject). */
export function toTemplateFields(values: TemplateFormInput) {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    subject: values.kind === "EMAIL" ? values.subject.trim() : "",
    body: values.body,
    variables: toVariableInputs(values.variables),
  };
}

type TemplateFields = ReturnType<typeof toTemplateFields>;

/** Just the fields that differ from what was loaded. */
export function changedTemplateFields(
  loaded: TemplateFormInput,
  values: TemplateFormInput,
): Partial<TemplateFields> {
  const before = toTemplateFields(loaded);
  const after = toTemplateFields(values);
  const changes: Partial<Record<keyof TemplateFields, unknown>> = {};
  for (const key of Object.keys(after) as (keyof TemplateFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<TemplateFields>;
}

const FORM_FIELDS = ["name", "kind", "description", "subject", "body", "variables"] as const;

/** The form field an API userError names ("input.fields.body" → "body"; "variables.0.name" →
 * "variables"), if the form has it. */
export function templateFieldOf(field: string | null): (typeof FORM_FIELDS)[number] | undefined {
  const parts = field?.split(".") ?? [];
  return FORM_FIELDS.find((candidate) => parts.includes(candidate));
}
