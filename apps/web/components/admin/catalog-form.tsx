// The frame of a catalog create/edit form: its name, the fields, the active checkbox, the form-wide
// error and Cancel / Save. `noun` names the item: "package" gives "New package" and "Create package".
import type { ReactNode } from "react";
import type { FieldValues, Path, SubmitHandler, UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";

export function CatalogForm<TFields extends FieldValues & { active: boolean }, TValues extends FieldValues>({
  form,
  noun,
  editing,
  onSubmit,
  onCancel,
  activeLabel = "Active",
  children,
}: {
  form: Pick<UseFormReturn<TFields, unknown, TValues>, "handleSubmit" | "formState" | "register">;
  noun: string;
  editing: boolean;
  onSubmit: SubmitHandler<TValues>;
  onCancel: () => void;
  /** The checkbox's label: whether the item is offered. */
  activeLabel?: string;
  children: ReactNode;
}) {
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      aria-label={`${editing ? "Edit" : "New"} ${noun}`}
      className="space-y-4"
    >
      {children}
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input
          type="checkbox"
          className="size-4 rounded border-zinc-300 accent-accent-600"
          // TFields has `active`, but TypeScript cannot resolve Path<TFields> for a generic TFields.
          {...form.register("active" as Path<TFields>)}
        />
        {activeLabel}
      </label>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : `${editing ? "Save" : "Create"} ${noun}`}
        </Button>
      </div>
    </form>
  );
}
