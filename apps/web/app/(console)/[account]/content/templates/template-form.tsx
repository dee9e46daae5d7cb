"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { TemplatePreview } from "@/components/templates/template-preview";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormSelectField, FormTextAreaField, FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError } from "@/components/ui/form-field";
import type { UserError } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import {
  changedTemplateFields,
  emptyTemplateValues,
  TemplateFormInput,
  templateFieldOf,
  toTemplateFields,
  toTemplateFormValues,
  toVariableInputs,
} from "./template-form-values";
import { KIND_LABELS, TEMPLATE_KINDS, type TemplateDetail } from "./template-model";
import { templatePath, templatesPath } from "./template-paths";
import { CreateTemplateMutation, TEMPLATE_QUERIES, UpdateTemplateMutation } from "./templates-operations";
import { VariablesFieldset } from "./variables-fieldset";

type FieldName = NonNullable<ReturnType<typeof templateFieldOf>> | "root.server";

type TemplateFormProps = {
  /** The template being edited; none for a new one. */
  template?: TemplateDetail;
  canEdit: boolean;
  /** Loads the template's current values and version into a fresh form (after a CONFLICT). */
  onReload?: () => void;
};

/**
 * Writes a new template or edits one, with a live preview beside it. An edit sends only the
 * changed fields with the version it was loaded with: if someone else saved in between, the API
 * answers CONFLICT and the form offers to reload instead of overwriting their change.
 */
export function TemplateForm({ template, canEdit, onReload }: TemplateFormProps) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateTemplateMutation);
  const update = useAccountMutation(UpdateTemplateMutation);
  const refresh = useRefreshAccountQueries();
  const loaded = useRef(template ? toTemplateFormValues(template) : emptyTemplateValues());
  const version = useRef(template?.version ?? 0);
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<TemplateFormInput>({
    resolver: zodResolver(TemplateFormInput),
    defaultValues: loaded.current,
  });
  const watched = useWatch({ control: form.control });
  const { errors, isSubmitting } = form.formState;
  const editable = canEdit && !template?.archivedAt;
  const isEmail = (watched.kind ?? "CONTENT") === "EMAIL";

  useEffect(() => {
    if (template) version.current = Math.max(version.current, template.version);
  }, [template]);

  function showUserErrors(userErrors: readonly UserError[]) {
    // Several variables may be undeclared in one field: every message is kept, not just the last.
    const byField = new Map<FieldName, { type: string; message: string }>();
    for (const error of userErrors) {
      // A stale version (or a template archived meanwhile) is nobody's typo: offer to reload.
      if (error.code === "CONFLICT") {
        setConflict(error.message);
        continue;
      }
      const field = templateFieldOf(error.field) ?? "root.server";
      const previous = byField.get(field);
      byField.set(field, {
        type: previous?.type ?? error.code,
        message: previous ? `${previous.message} ${error.message}` : error.message,
      });
    }
    for (const [field, error] of byField) form.setError(field, error);
  }

  async function submit(values: TemplateFormInput) {
    setStatus(null);
    setConflict(null);
    try {
      if (!template) {
        const { createTemplate: payload } = await create.mutateAsync({
          input: { kind: values.kind, fields: toTemplateFields(values) },
        });
        if (payload.userErrors.length > 0 || !payload.template) return showUserErrors(payload.userErrors);
        await refresh(TEMPLATE_QUERIES);
        router.push(templatePath(accountSlug, payload.template.id));
        return;
      }
      const changes = changedTemplateFields(loaded.current, values);
      if (Object.keys(changes).length === 0) {
        setStatus("Nothing changed.");
        return;
      }
      const { updateTemplate: payload } = await update.mutateAsync({
        input: { id: template.id, version: version.current, changes },
      });
      if (payload.userErrors.length > 0 || !payload.template) return showUserErrors(payload.userErrors);
      version.current = payload.template.version;
      loaded.current = values;
      form.reset(values);
      setStatus(`Saved as version ${payload.template.version}.`);
      await refresh(TEMPLATE_QUERIES);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <div className="grid gap-0 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <form
        onSubmit={form.handleSubmit(submit)}
        noValidate
        aria-label={template ? "Edit template" : "New template"}
        className="space-y-5 p-4"
      >
        <fieldset disabled={!editable} className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
            <FormTextField form={form} name="name" id="template-name" label="Name" autoComplete="off" />
            {template ? (
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-zinc-800">Kind</p>
                <p className="py-2 text-sm text-zinc-700">
                  {KIND_LABELS[template.kind]} (fixed once created)
                </p>
              </div>
            ) : (
              <FormSelectField form={form} name="kind" id="template-kind" label="Kind">
                {TEMPLATE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </option>
                ))}
              </FormSelectField>
            )}
          </div>
          <FormTextAreaField
            form={form}
            name="description"
            id="template-description"
            label="Description"
            rows={2}
          />
          {isEmail ? (
            <FormTextField
              form={form}
              name="subject"
              id="template-subject"
              label="Subject"
              hint="One line; may use {{variables}}."
              autoComplete="off"
            />
          ) : null}
          <FormTextAreaField
            form={form}
            name="body"
            id="template-body"
            label="Body"
            hint="Write {{first_name}} where a value goes."
            rows={10}
          />
          <VariablesFieldset form={form} />
        </fieldset>
        <FieldError message={errors.root?.server?.message} />
        {conflict ? (
          <ConflictNotice onReload={onReload}>Not saved (conflict): {conflict}</ConflictNotice>
        ) : null}
        {editable ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : template ? "Save changes" : "Create template"}
            </Button>
            {template ? null : (
              <Link href={templatesPath(accountSlug)} className={buttonClasses("ghost")}>
                Cancel
              </Link>
            )}
            {status ? (
              <p role="status" className="text-sm text-zinc-600">
                {status}
              </p>
            ) : null}
          </div>
        ) : null}
      </form>
      <TemplatePreview
        isEmail={isEmail}
        subject={watched.subject ?? ""}
        body={watched.body ?? ""}
        variables={toVariableInputs(watched.variables ?? [])}
      />
    </div>
  );
}
