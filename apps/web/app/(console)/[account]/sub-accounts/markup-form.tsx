"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { formatBasisPoints } from "@/components/ui/format";
import { basisPointsToPercent, percentToBasisPoints } from "@/lib/billing/markup";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { SetSubAccountMarkupMutation } from "./sub-accounts-operations";

const MarkupInput = z.object({
  percent: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, "Enter a percentage with at most two decimals, e.g. 12.5.")
    .refine((value) => Number(value) <= 1000, "At most 1000 %."),
});
type MarkupInput = z.infer<typeof MarkupInput>;

type SubAccount = { accountId: string; name: string; markupBps: number };

/** The agency's markup on every service this sub-account uses, in percent (stored as basis points). */
export function MarkupForm({
  subAccount,
  onDone,
  onCancel,
}: {
  subAccount: SubAccount;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const setMarkup = useAccountMutation(SetSubAccountMarkupMutation);
  const refresh = useRefreshAccountQueries();
  const form = useForm<MarkupInput>({
    resolver: zodResolver(MarkupInput),
    defaultValues: { percent: basisPointsToPercent(subAccount.markupBps) },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit({ percent }: MarkupInput) {
    const markupBps = percentToBasisPoints(percent);
    try {
      const { setSubAccountMarkup: payload } = await setMarkup.mutateAsync({
        input: { subAccountId: subAccount.accountId, markupBps },
      });
      if (payload.userErrors.length > 0) {
        // The API names markupBps; the form shows it under the percentage.
        applyUserErrors(
          payload.userErrors.map((error) =>
            error.field?.endsWith("markupBps") ? { ...error, field: "percent" } : error,
          ),
          ["percent"],
          form.setError,
        );
        return;
      }
      await refresh(["SubAccountWallets"]);
      onDone(`Markup for ${subAccount.name} set to ${formatBasisPoints(markupBps)}.`);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label="Set markup" className="space-y-4">
      <FormField
        id="markup-percent"
        label="Markup on every service (%)"
        hint="Added to the base price of each service this sub-account uses; the difference goes to the agency."
        error={errors.percent?.message}
      >
        <TextInput
          id="markup-percent"
          inputMode="decimal"
          autoComplete="off"
          data-autofocus
          invalid={!!errors.percent}
          {...form.register("percent")}
        />
      </FormField>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save markup"}
        </Button>
      </div>
    </form>
  );
}
