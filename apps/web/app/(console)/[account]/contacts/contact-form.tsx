"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { TimeZoneSelect } from "@/components/campaigns/time-zone-select";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError, FormField } from "@/components/ui/form-field";
import type { UserError } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { AttributesFieldset } from "./attributes-fieldset";
import {
  ContactFormInput,
  changedContactFields,
  contactFieldOf,
  emptyContactValues,
  toContactFields,
  toContactFormValues,
} from "./contact-form-values";
import type { ContactDetail } from "./contact-model";
import { contactPath, contactsPath } from "./contact-paths";
import { CONTACT_QUERIES, CreateContactMutation, UpdateContactMutation } from "./contacts-operations";

type ContactFormProps =
  | { contact?: undefined; defaultTimeZone: string; canEdit?: undefined; onReload?: undefined }
  | { contact: ContactDetail; defaultTimeZone?: undefined; canEdit: boolean; onReload: () => void };

/**
 * Creates a contact, or edits one in place. An edit sends only the changed fields with the version
 * it was loaded with: if someone (or an import, or a journey) changed the contact in between, the
 * API answers CONFLICT and the form offers to reload instead of overwriting that change.
 */
export function ContactForm({ contact, defaultTimeZone, canEdit = true, onReload }: ContactFormProps) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateContactMutation);
  const update = useAccountMutation(UpdateContactMutation);
  const refresh = useRefreshAccountQueries();
  const loaded = useRef(
    contact ? toContactFormValues(contact) : emptyContactValues(defaultTimeZone ?? "UTC"),
  );
  const version = useRef(contact?.version ?? 0);
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ContactFormInput>({
    resolver: zodResolver(ContactFormInput),
    defaultValues: loaded.current,
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  function showUserErrors(userErrors: readonly UserError[]) {
    for (const error of userErrors) {
      // A stale version is nobody's typo: the form offers to reload instead of naming a field.
      if (error.code === "CONFLICT") {
        setConflict(true);
        continue;
      }
      form.setError(contactFieldOf(error.field) ?? "root.server", {
        type: error.code,
        message: error.message,
      });
    }
  }

  async function submit(values: ContactFormInput) {
    setStatus(null);
    setConflict(false);
    try {
      if (!contact) {
        const { createContact: payload } = await create.mutateAsync({
          input: { fields: toContactFields(values) },
        });
        if (payload.userErrors.length > 0 || !payload.contact) return showUserErrors(payload.userErrors);
        await refresh(CONTACT_QUERIES);
        router.push(contactPath(accountSlug, payload.contact.id));
        return;
      }
      const changes = changedContactFields(loaded.current, values);
      if (Object.keys(changes).length === 0) {
        setStatus("Nothing changed.");
        return;
      }
      const { updateContact: payload } = await update.mutateAsync({
        input: { id: contact.id, version: version.current, changes },
      });
      if (payload.userErrors.length > 0 || !payload.contact) return showUserErrors(payload.userErrors);
      version.current = payload.contact.version;
      loaded.current = values;
      form.reset(values);
      setStatus("Saved.");
      await refresh(CONTACT_QUERIES);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label={contact ? "Edit contact" : "New contact"}
      className="space-y-5 p-4"
    >
      <fieldset disabled={!canEdit} className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            form={form}
            name="firstName"
            id="contact-first-name"
            label="First name"
            autoComplete="off"
          />
          <FormTextField
            form={form}
            name="lastName"
            id="contact-last-name"
            label="Last name"
            autoComplete="off"
          />
          <FormTextField
            form={form}
            name="email"
            id="contact-email"
            label="Email"
            type="email"
            autoComplete="off"
            hint="An email address or a phone number is required."
          />
          <FormTextField
            form={form}
            name="phone"
            id="contact-phone"
            label="Phone"
            type="tel"
            autoComplete="off"
            hint="International format, e.g. +14155550123."
          />
          <FormField
            id="contact-time-zone"
            label="Time zone"
            hint="Waits and quiet hours of journeys follow this clock."
            error={errors.timeZone?.message}
          >
            <TimeZoneSelect
              id="contact-time-zone"
              current={loaded.current.timeZone}
              invalid={!!errors.timeZone}
              {...form.register("timeZone")}
            />
          </FormField>
          <FormTextField
            form={form}
            name="tags"
            id="contact-tags"
            label="Tags"
            hint="Comma-separated."
            autoComplete="off"
          />
        </div>
        <AttributesFieldset form={form} />
      </fieldset>
      <FieldError message={errors.root?.server?.message} />
      {conflict ? (
        <ConflictNotice onReload={onReload}>
          Someone else changed this contact since you opened it. Reload it to see their change, then make
          yours again.
        </ConflictNotice>
      ) : null}
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : contact ? "Save changes" : "Create contact"}
          </Button>
          {contact ? (
            <Button
              variant="ghost"
              disabled={!isDirty || isSubmitting}
              onClick={() => form.reset(loaded.current)}
            >
              Discard changes
            </Button>
          ) : (
            <Link href={contactsPath(accountSlug)} className={buttonClasses("ghost")}>
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
  );
}
