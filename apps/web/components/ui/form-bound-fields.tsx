// Labelled controls bound to a react-hook-form field: the id, label, hint and error wired as
// FormField and its control expect, so a form lists only what differs per field.
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { TextArea } from "@/components/ui/text-area";

type Bound<TFields extends FieldValues> = {
  form: Pick<UseFormReturn<TFields>, "register" | "getFieldState" | "formState">;
  name: Path<TFields>;
  id: string;
  label: string;
  hint?: string;
};

type Unbound = "id" | "name" | "form";

function fieldError<TFields extends FieldValues>({ form, name }: Bound<TFields>) {
  return form.getFieldState(name, form.formState).error;
}

export function FormTextField<TFields extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  ...input
}: Bound<TFields> & Omit<InputHTMLAttributes<HTMLInputElement>, Unbound>) {
  const error = fieldError({ form, name, id, label });
  return (
    <FormField id={id} label={label} hint={hint} error={error?.message}>
      <TextInput id={id} invalid={!!error} {...input} {...form.register(name)} />
    </FormField>
  );
}

export function FormTextAreaField<TFields extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  ...textarea
}: Bound<TFields> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Unbound>) {
  const error = fieldError({ form, name, id, label });
  return (
    <FormField id={id} label={label} hint={hint} error={error?.message}>
      <TextArea id={id} invalid={!!error} {...textarea} {...form.register(name)} />
    </FormField>
  );
}

/** A bound select; its options are the children. */
export function FormSelectField<TFields extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  ...select
}: Bound<TFields> & Omit<SelectHTMLAttributes<HTMLSelectElement>, Unbound>) {
  const error = fieldError({ form, name, id, label });
  return (
    <FormField id={id} label={label} hint={hint} error={error?.message}>
      <SelectInput id={id} invalid={!!error} {...select} {...form.register(name)} />
    </FormField>
  );
}
