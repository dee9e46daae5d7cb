"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CharacterCounter } from "@/components/content/character-counter";
import { ContentPreview } from "@/components/content/content-preview";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormSelectField, FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError, FormField } from "@/components/ui/form-field";
import { TextArea } from "@/components/ui/text-area";
import { commaList } from "@/lib/forms/comma-list";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { CampaignSelect } from "./campaign-select";
import {
  ContentFormInput,
  changedFields,
  emptyFormValues,
  formFieldOf,
  toContentFields,
  toFormValues,
} from "./content-form-values";
import {
  CHANNEL_RULES,
  CONTENT_TYPES,
  type ContentItem,
  characterCount,
  DEFAULT_CHANNEL,
  limitName,
  maxLengthFor,
  TYPE_LABELS,
} from "./content-model";
import { CONTENT_QUERIES, CreateContentItemMutation, UpdateContentItemMutation } from "./content-operations";
import { contentItemPath, contentPath } from "./content-paths";
import type { GeneratedDraft } from "./draft-from-variant";
import { GenerateButton } from "./generate-dialog";
import { type TemplateOption, TemplatePicker } from "./template-picker";

type UserError = { field: string | null; code: string; message: string };

type ContentFormProps = {
  /** The item being edited; none for a new one. */
  item?: ContentItem;
  canEdit: boolean;
  /** Loads the item's current values and version into a fresh form (after a CONFLICT). */
  onReload?: () => void;
  /** Tells the page whether there are unsaved changes (a review is asked for the saved text). */
  onDirtyChange?: (dirty: boolean) => void;
};

/**
 * Writes a new item, or edits one with a live preview beside it. An edit sends only the changed
 * fields with the version it was loaded with: if someone else saved in between, the API answers
 * CONFLICT and the form offers to reload instead of overwriting their change.
 */
export function ContentForm({ item, canEdit, onReload, onDirtyChange }: ContentFormProps) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateContentItemMutation);
  const update = useAccountMutation(UpdateContentItemMutation);
  const refresh = useRefreshAccountQueries();
  const loaded = useRef(item ? toFormValues(item) : emptyFormValues());
  // The version this form's text is based on: moves on with our own saves and status changes.
  const version = useRef(item?.version ?? 0);
  const generationId = useRef<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ContentFormInput>({
    resolver: zodResolver(ContentFormInput),
    defaultValues: loaded.current,
  });
  const watched = useWatch({ control: form.control });
  const { errors, isSubmitting, isDirty } = form.formState;

  useEffect(() => {
    if (item) version.current = Math.max(version.current, item.version);
  }, [item]);
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);

  const type = watched.type ?? "SOCIAL_POST";
  const channel = DEFAULT_CHANNEL[type];
  const body = watched.body ?? "";
  const editable = canEdit && (!item || (item.status !== "PUBLISHED" && item.status !== "ARCHIVED"));

  function showUserErrors(userErrors: readonly UserError[]) {
    for (const error of userErrors) {
      // A stale version is nobody's typo: the form offers to reload instead of naming a field.
      if (error.code === "CONFLICT") {
        setConflict(true);
        continue;
      }
      form.setError(formFieldOf(error.field) ?? "root.server", { type: error.code, message: error.message });
    }
  }

  async function submit(values: ContentFormInput) {
    setStatus(null);
    setConflict(false);
    try {
      if (!item) {
        const { createContentItem: payload } = await create.mutateAsync({
          input: { fields: toContentFields(values), generationId: generationId.current },
        });
        if (payload.userErrors.length > 0 || !payload.contentItem) return showUserErrors(payload.userErrors);
        await refresh(CONTENT_QUERIES);
        router.push(contentItemPath(accountSlug, payload.contentItem.id));
        return;
      }
      const changes = changedFields(loaded.current, values);
      if (Object.keys(changes).length === 0) {
        setStatus("Nothing changed.");
        return;
      }
      const { updateContentItem: payload } = await update.mutateAsync({
        input: { id: item.id, version: version.current, changes },
      });
      if (payload.userErrors.length > 0 || !payload.contentItem) return showUserErrors(payload.userErrors);
      version.current = payload.contentItem.version;
      loaded.current = values;
      form.reset(values);
      setStatus(`Saved as version ${payload.contentItem.version}. The brand check ran on this version.`);
      await refresh(CONTENT_QUERIES);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  function applyDraft(draft: GeneratedDraft): null {
    const dirty = { shouldDirty: true, shouldValidate: false } as const;
    form.setValue("type", draft.type, dirty);
    form.setValue("body", draft.body, dirty);
    if (draft.type === "EMAIL" && draft.subject) form.setValue("subject", draft.subject, dirty);
    if (form.getValues("title").trim() === "") form.setValue("title", draft.title, dirty);
    generationId.current = draft.generationId;
    setStatus("The draft is in the editor: review it, then save.");
    return null;
  }

  function insertTemplate(template: TemplateOption) {
    const dirty = { shouldDirty: true } as const;
    const current = form.getValues("body");
    form.setValue("body", current.trim() === "" ? template.body : `${current}\n\n${template.body}`, dirty);
    if (template.kind === "EMAIL" && form.getValues("type") === "EMAIL" && !form.getValues("subject")) {
      form.setValue("subject", template.subject, dirty);
    }
    form.setValue("templateId", template.id, dirty);
  }

  return (
    <div className="grid gap-0 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-5 p-4">
        {/* Outside the form: the generate dialog has a form of its own, and React would bubble its
            submit through the portal into this one. */}
        {editable ? (
          <div className="flex flex-wrap items-end justify-between gap-3">
            <TemplatePicker onInsert={insertTemplate} />
            <GenerateButton
              defaults={{
                contentType: type,
                campaignId: watched.campaignId ?? "",
                contentItemId: item?.id,
              }}
              useLabel="Use this draft"
              onUse={applyDraft}
            />
          </div>
        ) : null}
        <form
          onSubmit={form.handleSubmit(submit)}
          noValidate
          aria-label={item ? "Edit content" : "New content"}
          className="space-y-5"
        >
          {item && editable && (item.status === "REVIEW" || item.status === "APPROVED") ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              Changing the type, title, subject or text sends this item back to draft and withdraws its
              {item.status === "REVIEW" ? " review" : " approval"}; tags and campaign do not.
            </p>
          ) : null}
          <fieldset disabled={!editable} className="space-y-5">
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
              <FormTextField form={form} name="title" id="content-title" label="Title" autoComplete="off" />
              <FormSelectField form={form} name="type" id="content-type" label="Type">
                {CONTENT_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {TYPE_LABELS[value]}
                  </option>
                ))}
              </FormSelectField>
            </div>
            {type === "EMAIL" ? (
              <FormTextField
                form={form}
                name="subject"
                id="content-subject"
                label="Subject"
                autoComplete="off"
              />
            ) : null}
            <div className="space-y-1.5">
              <label htmlFor="content-body" className="block text-sm font-medium text-zinc-800">
                Text
              </label>
              <TextArea
                id="content-body"
                rows={10}
                invalid={!!errors.body}
                aria-describedby={errors.body ? "content-body-error" : "content-body-count"}
                {...form.register("body")}
              />
              <CharacterCounter
                id="content-body-count"
                count={characterCount(body)}
                max={maxLengthFor(type, channel)}
                limitName={limitName(type, channel)}
              />
              <FieldError id="content-body-error" message={errors.body?.message} />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormTextField
                form={form}
                name="tags"
                id="content-tags"
                label="Tags"
                hint="Comma-separated."
                autoComplete="off"
              />
              <FormField id="content-campaign" label="Campaign" error={errors.campaignId?.message}>
                <CampaignSelect
                  id="content-campaign"
                  current={item?.campaign}
                  invalid={!!errors.campaignId}
                  {...form.register("campaignId")}
                />
              </FormField>
            </div>
          </fieldset>
          <FieldError message={errors.root?.server?.message} />
          {conflict ? (
            <ConflictNotice onReload={onReload}>
              Not saved: someone else changed this content since you opened it (conflict). Reload it to see
              their change, then make yours again.
            </ConflictNotice>
          ) : null}
          {editable ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Saving…" : item ? "Save changes" : "Create content"}
              </Button>
              {item ? null : (
                <Link href={contentPath(accountSlug)} className={buttonClasses("ghost")}>
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
      </div>
      <ContentPreview
        typeLabel={TYPE_LABELS[type]}
        channelLabel={CHANNEL_RULES[channel].label}
        isEmail={type === "EMAIL"}
        title={watched.title ?? ""}
        subject={watched.subject ?? ""}
        body={body}
        tags={commaList(watched.tags ?? "")}
      />
    </div>
  );
}
