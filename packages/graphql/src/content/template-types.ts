// Template object types: content and email templates with their merge variables, and previews.
import { TEMPLATE_KINDS, type TemplatePreview } from "@markettina/domain";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const TemplateKindEnum = builder.enumType("TemplateKind", { values: upper(TEMPLATE_KINDS) });

export const TemplateVariableRef = builder
  .objectRef<{ name: string; defaultValue: string | null }>("TemplateVariable")
  .implement({
    description: "A merge variable the template declares: `{{name}}` in the subject or body.",
    fields: (t) => ({
      name: t.exposeString("name"),
      defaultValue: t.exposeString("defaultValue", {
        nullable: true,
        description: "Used when no value is given; null: a value is required.",
      }),
    }),
  });

export const TemplateVariableInputRef = builder.inputType("TemplateVariableInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    defaultValue: t.string({ description: "Leave out (or null) to require a value." }),
  }),
});

export const TemplateRef = builder.drizzleNode("contentTemplates", {
  name: "Template",
  id: { column: (c) => c.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    kind: t.expose("kind", { type: TemplateKindEnum }),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    subject: t.exposeString("subject", { description: "Email subject line; may hold {{variables}}." }),
    body: t.exposeString("body", {
      description:
        "Text with {{variables}}. The HTML version is rendered from it (previewTemplate), escaped.",
    }),
    variables: t.expose("variables", { type: [TemplateVariableRef] }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    createdBy: t.relation("createdByUser", { nullable: true }),
  }),
});

export const TemplateConnection = namedConnection(TemplateRef, "Template");

export const TemplatePreviewRef = builder
  .objectRef<Omit<TemplatePreview, "errors">>("TemplatePreview")
  .implement({
    description: "A template rendered with sample values.",
    fields: (t) => ({
      subject: t.exposeString("subject", { description: "Plain text (an email header)." }),
      text: t.exposeString("text", { description: "The body as plain text." }),
      html: t.exposeString("html", {
        description: "The body as HTML: the template's text and every value escaped, in paragraphs.",
      }),
      unknownVariables: t.exposeStringList("unknownVariables", {
        description: "Variables that could not be filled (each also reported as UNKNOWN_VARIABLE).",
      }),
    }),
  });
