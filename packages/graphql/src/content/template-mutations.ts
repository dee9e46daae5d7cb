// Template mutations: each parses its input, calls one domain operation, answers the template.
import {
  archiveTemplate,
  createTemplate,
  deleteTemplate,
  type TemplateRow,
  unarchiveTemplate,
  updateTemplate,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { TemplateKindEnum, TemplateRef, TemplateVariableInputRef } from "./template-types.ts";
import { type MutationFieldBuilder, type RefOperation, refOf } from "./versioned-ref.ts";

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ template: TemplateRow }>>(name).implement({
    fields: (t) => ({
      template: t.field({ type: TemplateRef, nullable: true, resolve: (p) => p.template }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const TemplateFieldsInput = builder.inputType("TemplateFieldsInput", {
  description:
    "Omitted fields are left alone. Every {{variable}} the subject or body uses must be declared in variables.",
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    subject: t.string({ description: "Required for email templates." }),
    body: t.string(),
    variables: t.field({ type: [TemplateVariableInputRef] }),
  }),
});

type Fields = typeof TemplateFieldsInput.$inferInput;
const changesOf = (f: Fields) => ({
  name: f.name ?? undefined,
  description: f.description ?? undefined,
  subject: f.subject ?? undefined,
  body: f.body ?? undefined,
  variables: f.variables?.map((v) => ({ name: v.name, defaultValue: v.defaultValue ?? null })),
});

const ref = (t: MutationFieldBuilder) => ({
  id: t.input.globalID({ required: true, for: TemplateRef }),
  version: t.input.int({ required: true }),
});

/** A mutation that names a template and its version and changes nothing else. */
const templateMutation = (
  t: MutationFieldBuilder,
  name: string,
  description: string | undefined,
  operation: RefOperation<TemplateRow>,
) =>
  t.fieldWithInput({
    type: payload(name),
    description,
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ template: await operation(op, refOf(input)) }), { template: null }),
  });

builder.mutationFields((t) => ({
  createTemplate: t.fieldWithInput({
    type: payload("CreateTemplatePayload"),
    description: "An undeclared {{variable}} is refused with UNKNOWN_VARIABLE; a name in use with TAKEN.",
    authScopes: { authenticated: true },
    input: {
      kind: t.input.field({ type: TemplateKindEnum, required: true }),
      fields: t.input.field({ type: TemplateFieldsInput, required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          template: await createTemplate(op, {
            ...changesOf(input.fields),
            kind: input.kind,
            name: input.fields.name ?? "",
          }),
        }),
        { template: null },
      ),
  }),
  updateTemplate: t.fieldWithInput({
    type: payload("UpdateTemplatePayload"),
    description: "Edits a template. Send the version you read; a newer one is a CONFLICT.",
    authScopes: { authenticated: true },
    input: { ...ref(t), changes: t.input.field({ type: TemplateFieldsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          template: await updateTemplate(op, { ...refOf(input), changes: changesOf(input.changes) }),
        }),
        { template: null },
      ),
  }),
  archiveTemplate: templateMutation(
    t,
    "ArchiveTemplatePayload",
    "Hides a template from pickers; content started from it is untouched.",
    archiveTemplate,
  ),
  unarchiveTemplate: templateMutation(t, "UnarchiveTemplatePayload", undefined, unarchiveTemplate),
  deleteTemplate: t.fieldWithInput({
    type: builder
      .objectRef<MutationResult<{ deletedTemplateId: string }>>("DeleteTemplatePayload")
      .implement({
        fields: (f) => ({
          deletedTemplateId: f.globalID({
            nullable: true,
            resolve: (p) => (p.deletedTemplateId ? { type: "Template", id: p.deletedTemplateId } : null),
          }),
          userErrors: f.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
        }),
      }),
    description: "Deletes an archived template no content was started from (frees its name).",
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          deletedTemplateId: (await deleteTemplate(op, refOf(input))).id,
        }),
        { deletedTemplateId: null },
      ),
  }),
}));
