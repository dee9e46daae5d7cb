// Saving a catalog form: userErrors go next to their fields, a success refreshes the list and says so.
"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { applyUserErrors, type UserError } from "@/lib/forms/apply-user-errors";
import { viewerQueryKey } from "@/lib/graphql/use-graphql";

export function useCatalogSubmit<TFields extends FieldValues>({
  setError,
  fields,
  listQuery,
  editing,
  onSaved,
}: {
  setError: UseFormSetError<TFields>;
  /** The form's fields a userError may name; any other goes above the buttons. */
  fields: readonly Path<TFields>[];
  /** The operation name of the list to refresh after a save. */
  listQuery: string;
  /** Whether an existing item is edited: "Saved …" rather than "Created …". */
  editing: boolean;
  onSaved: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  /** Runs `save` (the create or update mutation, returning its payload) for the item called `name`. */
  return async (save: () => Promise<{ userErrors: readonly UserError[] }>, name: string) => {
    try {
      const payload = await save();
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, fields, setError);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: viewerQueryKey(listQuery) });
      onSaved(editing ? `Saved ${name}.` : `Created ${name}.`);
    } catch (error) {
      setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  };
}
