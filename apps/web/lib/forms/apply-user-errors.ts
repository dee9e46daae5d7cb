// Shows a mutation's userErrors next to the form field they name (or above the form when unnamed).
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type UserError = { field: string | null; code: string; message: string };

export function applyUserErrors<TFields extends FieldValues>(
  userErrors: readonly UserError[],
  fields: readonly Path<TFields>[],
  setError: UseFormSetError<TFields>,
): void {
  for (const userError of userErrors) {
    // The API may name the field as "slug" or as its input path ("input.slug").
    const fieldName = userError.field?.split(".").at(-1);
    const field = fields.find((candidate) => candidate === fieldName);
    if (field) setError(field, { type: userError.code, message: userError.message });
    else setError("root.server", { type: userError.code, message: userError.message });
  }
}

/**
 * The same for a form kept in plain state: each named field's message, and `form` for those that
 * name no field of it (or none at all).
 */
export function userErrorsByField<TField extends string>(
  userErrors: readonly UserError[],
  fields: readonly TField[],
): Partial<Record<TField | "form", string>> {
  const shown: Partial<Record<TField | "form", string>> = {};
  for (const userError of userErrors) {
    const fieldName = userError.field?.split(".").at(-1);
    const field = fields.find((candidate) => candidate === fieldName) ?? "form";
    shown[field] = userError.message;
  }
  return shown;
}
