"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type Ref, type TextareaHTMLAttributes, useRef, useState } from "react";
import { type Path, useFieldArray, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FieldError, FormField, inputClasses, TextInput } from "@/components/ui/form-field";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { BRAND_QUERIES, UpdateBrandDnaMutation } from "./brand-operations";
import { BrandPreview } from "./brand-preview";
import { type BrandDna, BrandFormInput, changedFields, formFieldOf, toFormValues } from "./brand-profile";

/**
 * The brand profile editor, with a live preview beside it. It keeps the version it was loaded
 * with: if someone else saved in between, the API answers CONFLICT and the form offers to reload.
 * Read-only roles see the same fields, disabled, without the save button.
 */
export function BrandForm({
  brand,
  canEdit,
  onReload,
}: {
  brand: BrandDna;
  canEdit: boolean;
  onReload: () => void;
}) {
  const update = useAccountMutation(UpdateBrandDnaMutation);
  const refresh = useRefreshAccountQueries();
  const version = useRef(brand.version);
  const loaded = useRef(toFormValues(brand));
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<BrandFormInput>({
    resolver: zodResolver(BrandFormInput),
    defaultValues: loaded.current,
  });
  const palette = useFieldArray({ control: form.control, name: "palette" });
  const watched = useWatch({ control: form.control });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: BrandFormInput) {
    setStatus(null);
    setConflict(false);
    const changes = changedFields(loaded.current, values);
    if (Object.keys(changes).length === 0) {
      setStatus("Nothing changed.");
      return;
    }
    try {
      const { updateBrandDna: payload } = await update.mutateAsync({
        input: { version: version.current, changes },
      });
      if (payload.userErrors.length > 0) {
        for (const error of payload.userErrors) {
          // A stale version is not a field's fault: the form offers to reload instead.
          if (error.code === "CONFLICT") {
            setConflict(true);
            continue;
          }
          const field = formFieldOf(error.field, values);
          form.setError((field ?? "root.server") as Path<BrandFormInput>, {
            type: error.code,
            message: error.message,
          });
        }
        return;
      }
      if (payload.brandDna) version.current = payload.brandDna.version;
      loaded.current = values;
      form.reset(values);
      setStatus(`Brand DNA saved as version ${version.current}.`);
      await refresh(BRAND_QUERIES);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  const preview = {
    brandName: watched.brandName ?? "",
    mission: watched.mission ?? "",
    palette: (watched.palette ?? []).map((color) => ({ name: color?.name ?? "", hex: color?.hex ?? "" })),
    headingFont: watched.fonts?.heading ?? "",
    bodyFont: watched.fonts?.body ?? "",
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form onSubmit={form.handleSubmit(submit)} noValidate aria-label="Brand DNA" className="space-y-5 p-4">
        <p className="text-sm text-zinc-500">
          Version {brand.version}
          {brand.updatedBy ? `, last changed by ${brand.updatedBy.name}` : ""}
        </p>
        {canEdit ? null : (
          <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
            Only owners, admins and members can edit the brand DNA.
          </p>
        )}
        <fieldset disabled={!canEdit} className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="brand-name" label="Brand name" error={errors.brandName?.message}>
              <TextInput id="brand-name" invalid={!!errors.brandName} {...form.register("brandName")} />
            </FormField>
            <FormField
              id="brand-languages"
              label="Languages"
              hint="Comma-separated, such as en, it-IT."
              error={errors.languages?.message}
            >
              <TextInput id="brand-languages" invalid={!!errors.languages} {...form.register("languages")} />
            </FormField>
          </div>
          <FormField id="brand-mission" label="Mission" error={errors.mission?.message}>
            <TextArea id="brand-mission" rows={3} invalid={!!errors.mission} {...form.register("mission")} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="brand-tone"
              label={`Tone formality: ${watched.toneFormality ?? 0}`}
              hint="0 is friendly, 100 is formal."
              error={errors.toneFormality?.message}
            >
              <div className="flex items-center gap-2 text-xs text-zinc-500">
                <span>Friendly</span>
                <input
                  id="brand-tone"
                  type="range"
                  min={0}
                  max={100}
                  step={1}
                  className="w-full accent-accent-600"
                  {...form.register("toneFormality", { valueAsNumber: true })}
                />
                <span>Formal</span>
              </div>
            </FormField>
            <FormField
              id="brand-adjectives"
              label="Tone adjectives"
              hint="One per line."
              error={errors.toneAdjectives?.message}
            >
              <TextArea
                id="brand-adjectives"
                rows={3}
                invalid={!!errors.toneAdjectives}
                {...form.register("toneAdjectives")}
              />
            </FormField>
          </div>
          <FormField id="brand-audience" label="Audience" error={errors.audience?.message}>
            <TextArea
              id="brand-audience"
              rows={2}
              invalid={!!errors.audience}
              {...form.register("audience")}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="brand-values" label="Values" hint="One per line." error={errors.values?.message}>
              <TextArea id="brand-values" rows={4} invalid={!!errors.values} {...form.register("values")} />
            </FormField>
            <FormField
              id="brand-key-messages"
              label="Key messages"
              hint="One per line."
              error={errors.keyMessages?.message}
            >
              <TextArea
                id="brand-key-messages"
                rows={4}
                invalid={!!errors.keyMessages}
                {...form.register("keyMessages")}
              />
            </FormField>
            <FormField
              id="brand-keywords"
              label="Keywords"
              hint="One per line."
              error={errors.keywords?.message}
            >
              <TextArea
                id="brand-keywords"
                rows={4}
                invalid={!!errors.keywords}
                {...form.register("keywords")}
              />
            </FormField>
            <FormField
              id="brand-avoid"
              label="Words to avoid"
              hint="One per line."
              error={errors.wordsToAvoid?.message}
            >
              <TextArea
                id="brand-avoid"
                rows={4}
                invalid={!!errors.wordsToAvoid}
                {...form.register("wordsToAvoid")}
              />
            </FormField>
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-zinc-800">Palette</legend>
            {palette.fields.length === 0 ? <p className="text-sm text-zinc-500">No colours yet.</p> : null}
            <ul className="space-y-2">
              {palette.fields.map((field, index) => {
                const hexError = errors.palette?.[index]?.hex?.message;
                const nameError = errors.palette?.[index]?.name?.message;
                const hex = watched.palette?.[index]?.hex ?? "";
                const swatch = /^#[0-9a-fA-F]{6}$/.test(hex.trim()) ? hex.trim().toLowerCase() : "#000000";
                return (
                  <li key={field.id} className="space-y-1">
                    <div className="flex items-center gap-2">
                      <TextInput
                        aria-label={`Colour ${index + 1} name`}
                        placeholder="Name"
                        invalid={!!nameError}
                        {...form.register(`palette.${index}.name`)}
                      />
                      <TextInput
                        aria-label={`Colour ${index + 1} hex`}
                        placeholder="#1A2B3C"
                        className="w-32 font-mono"
                        invalid={!!hexError}
                        {...form.register(`palette.${index}.hex`)}
                      />
                      <input
                        type="color"
                        aria-label={`Colour ${index + 1} picker`}
                        value={swatch}
                        onChange={(event) =>
                          form.setValue(`palette.${index}.hex`, event.target.value.toUpperCase(), {
                            shouldDirty: true,
                            shouldValidate: true,
                          })
                        }
                        className="h-9 w-10 shrink-0 cursor-pointer rounded border border-zinc-300 bg-white"
                      />
                      {canEdit ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={`Remove colour ${index + 1}`}
                          onClick={() => palette.remove(index)}
                        >
                          Remove
                        </Button>
                      ) : null}
                    </div>
                    <FieldError message={nameError} />
                    <FieldError message={hexError} />
                  </li>
                );
              })}
            </ul>
            <FieldError message={errors.palette?.message ?? errors.palette?.root?.message} />
            {canEdit ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => palette.append({ name: "", hex: "#000000" })}
              >
                Add colour
              </Button>
            ) : null}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="brand-heading-font" label="Heading font" error={errors.fonts?.heading?.message}>
              <TextInput
                id="brand-heading-font"
                invalid={!!errors.fonts?.heading}
                {...form.register("fonts.heading")}
              />
            </FormField>
            <FormField id="brand-body-font" label="Body font" error={errors.fonts?.body?.message}>
              <TextInput
                id="brand-body-font"
                invalid={!!errors.fonts?.body}
                {...form.register("fonts.body")}
              />
            </FormField>
          </div>
        </fieldset>
        <FieldError message={errors.root?.server?.message} />
        {conflict ? (
          <ConflictNotice onReload={onReload}>
            Changed by someone else — reload the brand DNA, then make your change again.
          </ConflictNotice>
        ) : null}
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save brand DNA"}
            </Button>
            {status ? (
              <p role="status" className="text-sm text-emerald-700">
                {status}
              </p>
            ) : null}
          </div>
        ) : null}
      </form>
      <BrandPreview {...preview} />
    </div>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: Ref<HTMLTextAreaElement>;
  invalid?: boolean;
};

function TextArea({ invalid, className = "", id, ...props }: TextAreaProps) {
  return (
    <textarea
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && id ? `${id}-error` : undefined}
      className={`${inputClasses} ${className}`}
      {...props}
    />
  );
}
