// A labelled text input bound to a react-hook-form field: the id, label, hint and error wired as
// FormField and TextInput expect, so a form lists only what differs per field.
import type { InputHTMLAttributes } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { FormField, TextInput } from "@/components/ui/form-field";

type FormTextFieldProps<TFields extends FieldValues> = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "form"
> & {
  form: Pick<UseFormReturn<TFields>, "register" | "getFieldState" | "formState">;
  name: Path<TFields>;
  id: string;
  label: string;
  hint?: string;
};

export function FormTextField<TFields extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  ...input
}: FormTextFieldProps<TFields>) {
  const { error } = form.getFieldState(name, form.formState);
  return (
    <FormField id={id} label={label} hint={hint} error={error?.message}>
      <TextInput id={id} invalid={!!error} {...input} {...form.register(name)} />
    </FormField>
  );
}
