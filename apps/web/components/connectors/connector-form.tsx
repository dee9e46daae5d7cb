"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { type UseFormReturn, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormTextAreaField, FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError } from "@/components/ui/form-field";
import type { UserError } from "@/lib/forms/apply-user-errors";
import {
  CONNECTOR_KINDS,
  type ConnectorFormValues,
  type ConnectorKind,
  connectorFormInput,
  formFieldOf,
  KIND_LABELS,
} from "./connector-form-input";
import { HeaderRows } from "./header-rows";

const KIND_HINTS: Record<ConnectorKind, string> = {
  SMTP: "Sends email posts to a list of recipients through the server's SMTP relay.",
  WEBHOOK: "POSTs each post as JSON to your URL, signed with a secret only you and Markettina know.",
  LOG: "Writes each post to the server log: for trying the calendar out.",
};

type ConnectorFormProps = {
  /** "New connector" lets the kind be chosen; "Edit connector" keeps it (posts rely on it). */
  label: "New connector" | "Edit connector";
  initial: ConnectorFormValues;
  /** Webhook header names whose stored (hidden) value may be kept. */
  storedHeaders?: readonly string[];
  submitLabel: string;
  /** Saves; answers the API's userErrors (none: saved). */
  onSave: (values: ConnectorFormValues) => Promise<readonly UserError[]>;
  onCancel: () => void;
};

/** Create or edit one connector: its name, its kind's settings, and whether it publishes. */
export function ConnectorForm({
  label,
  initial,
  storedHeaders,
  submitLabel,
  onSave,
  onCancel,
}: ConnectorFormProps) {
  const schema = useMemo(() => connectorFormInput(storedHeaders), [storedHeaders]);
  const form = useForm<ConnectorFormValues>({ resolver: zodResolver(schema), defaultValues: initial });
  const kind = useWatch({ control: form.control, name: "kind" });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: ConnectorFormValues) {
    try {
      for (const error of await onSave(values)) {
        const field = formFieldOf(error.field);
        const position = /^(?:input\.)?config\.to\.(\d+)/.exec(error.field ?? "")?.[1];
        const message = position ? `Recipient ${Number(position) + 1}: ${error.message}` : error.message;
        form.setError(field ?? "root.server", { type: error.code, message });
      }
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={label} className="space-y-4">
      {label === "New connector" ? (
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Kind</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {CONNECTOR_KINDS.map((value) => (
              <label
                key={value}
                className="flex items-center gap-2 rounded-md p-2 text-sm text-zinc-700 ring-1 ring-zinc-200 has-checked:ring-2 has-checked:ring-accent-600"
              >
                <input type="radio" value={value} className="accent-accent-600" {...form.register("kind")} />
                {KIND_LABELS[value]}
              </label>
            ))}
          </div>
          <p className="mt-2 text-xs text-zinc-500">{KIND_HINTS[kind]}</p>
        </fieldset>
      ) : (
        <p className="text-sm text-zinc-600">
          Kind: <span className="font-medium text-zinc-900">{KIND_LABELS[kind]}</span>
        </p>
      )}
      <FormTextField form={form} name="name" id="connector-name" label="Name" autoComplete="off" />
      {kind === "SMTP" ? <SmtpFields form={form} /> : null}
      {kind === "WEBHOOK" ? <WebhookFields form={form} /> : null}
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" className="size-4 rounded accent-accent-600" {...form.register("enabled")} />
        Enabled (a disabled connector publishes nothing)
      </label>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function SmtpFields({ form }: { form: UseFormReturn<ConnectorFormValues> }) {
  return (
    <>
      <FormTextField
        form={form}
        name="from"
        id="connector-from"
        label="From"
        hint="ada@example.com or Ada Lovelace <ada@example.com>."
        autoComplete="off"
      />
      <FormTextAreaField
        form={form}
        name="recipients"
        id="connector-recipients"
        label="Recipients"
        hint="One address per line (at most 50)."
        rows={4}
      />
      <FormTextField
        form={form}
        name="replyTo"
        id="connector-reply-to"
        label="Reply-to (optional)"
        autoComplete="off"
      />
    </>
  );
}

function WebhookFields({ form }: { form: UseFormReturn<ConnectorFormValues> }) {
  return (
    <>
      <FormTextField
        form={form}
        name="url"
        id="connector-url"
        label="URL"
        hint="http:// or https://"
        type="url"
        autoComplete="off"
        placeholder="https://example.com/markettina"
      />
      <HeaderRows form={form} />
    </>
  );
}
