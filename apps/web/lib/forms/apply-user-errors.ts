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
