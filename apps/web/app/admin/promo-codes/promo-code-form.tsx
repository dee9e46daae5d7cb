"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { useViewerMutation, viewerQueryKey } from "@/lib/graphql/use-graphql";
import { CreatePromoCodeMutation, UpdatePromoCodeMutation } from "./promo-codes-operations";
import type { PromoCode } from "./promo-codes-table";

const PromoCodeInput = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, "Use 3–40 letters, digits, dashes or underscores."),
    description: z.string().trim().max(500, "Use at most 500 characters."),
    kind: z.enum(["BONUS_TOKENS", "PERCENT_OFF"]),
    value: z.string().trim().regex(/^\d+$/, "Enter a whole number."),
    maxRedemptions: z.string().trim().regex(/^\d*$/, "Enter a whole number, or leave it empty for no limit."),
    validFrom: z.string(),
    validUntil: z.string(),
    active: z.boolean(),
  })
  .superRefine((values, issue) => {
    const value = Number(values.value);
    if (value < 1) issue.addIssue({ code: "custom", path: ["value"], message: "Enter at least 1." });
    if (values.kind === "PERCENT_OFF" && value > 100) {
      issue.addIssue({ code: "custom", path: ["value"], message: "A discount is at most 100 %." });
    }
    if (values.maxRedemptions !== "" && Number(values.maxRedemptions) < 1) {
      issue.addIssue({ code: "custom", path: ["maxRedemptions"], message: "Allow at least 1 redemption." });
    }
    if (values.validFrom && values.validUntil && values.validUntil < values.validFrom) {
      issue.addIssue({ code: "custom", path: ["validUntil"], message: "End on or after the start." });
    }
  });
type PromoCodeInput = z.input<typeof PromoCodeInput>;
type PromoCodeValues = z.output<typeof PromoCodeInput>;

const FIELDS = [
  "code",
  "description",
  "kind",
  "value",
  "maxRedemptions",
  "validFrom",
  "validUntil",
  "active",
] as const;

/** A day in the browser's time zone: valid from its start, until its end. */
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : null);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : null);
const dayOf = (iso: string | null) => {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** Creates a promo code (promoCode null) or edits one; empty limits mean "no limit". */
export function PromoCodeForm({
  promoCode,
  onSaved,
  onCancel,
}: {
  promoCode: PromoCode | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const create = useViewerMutation(CreatePromoCodeMutation);
  const update = useViewerMutation(UpdatePromoCodeMutation);
  const queryClient = useQueryClient();
  const form = useForm<PromoCodeInput, unknown, PromoCodeValues>({
    resolver: zodResolver(PromoCodeInput),
    defaultValues: promoCode
      ? {
          code: promoCode.code,
          description: promoCode.description,
          kind: promoCode.kind,
          value: String(promoCode.value),
          maxRedemptions: promoCode.maxRedemptions === null ? "" : String(promoCode.maxRedemptions),
          validFrom: dayOf(promoCode.validFrom),
          validUntil: dayOf(promoCode.validUntil),
          active: promoCode.active,
        }
      : {
          code: "",
          description: "",
          kind: "BONUS_TOKENS",
          value: "",
          maxRedemptions: "",
          validFrom: "",
          validUntil: "",
          active: true,
        },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch("kind");

  async function submit(values: PromoCodeValues) {
    // Every field is sent, so an emptied limit is removed (null) rather than left as it was.
    const input = {
      code: values.code,
      description: values.description,
      kind: values.kind,
      value: Number(values.value),
      maxRedemptions: values.maxRedemptions === "" ? null : Number(values.maxRedemptions),
      validFrom: startOfDay(values.validFrom),
      validUntil: endOfDay(values.validUntil),
      active: values.active,
    };
    try {
      const payload = promoCode
        ? (await update.mutateAsync({ input: { id: promoCode.id, ...input } })).updatePromoCode
        : (await create.mutateAsync({ input })).createPromoCode;
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, FIELDS, form.setError);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: viewerQueryKey("AdminPromoCodes") });
      onSaved(promoCode ? `Saved ${values.code}.` : `Created ${values.code}.`);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label={promoCode ? "Edit promo code" : "New promo code"}
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="promo-code" label="Code" error={errors.code?.message}>
          <TextInput
            id="promo-code"
            autoComplete="off"
            className="font-mono uppercase"
            invalid={!!errors.code}
            {...form.register("code")}
          />
        </FormField>
        <FormField id="promo-kind" label="Kind" error={errors.kind?.message}>
          <SelectInput id="promo-kind" invalid={!!errors.kind} {...form.register("kind")}>
            <option value="BONUS_TOKENS">Bonus tokens (redeemed in the wallet)</option>
            <option value="PERCENT_OFF">Percent off a package</option>
          </SelectInput>
        </FormField>
        <FormField
          id="promo-value"
          label={kind === "PERCENT_OFF" ? "Percent off" : "Bonus tokens"}
          error={errors.value?.message}
        >
          <TextInput
            id="promo-value"
            inputMode="numeric"
            invalid={!!errors.value}
            {...form.register("value")}
          />
        </FormField>
        <FormField
          id="promo-max"
          label="Redemption limit (optional)"
          hint="Across all accounts; each account redeems a code once."
          error={errors.maxRedemptions?.message}
        >
          <TextInput
            id="promo-max"
            inputMode="numeric"
            invalid={!!errors.maxRedemptions}
            {...form.register("maxRedemptions")}
          />
        </FormField>
        <FormField id="promo-valid-from" label="Valid from (optional)" error={errors.validFrom?.message}>
          <TextInput
            id="promo-valid-from"
            type="date"
            invalid={!!errors.validFrom}
            {...form.register("validFrom")}
          />
        </FormField>
        <FormField id="promo-valid-until" label="Valid until (optional)" error={errors.validUntil?.message}>
          <TextInput
            id="promo-valid-until"
            type="date"
            invalid={!!errors.validUntil}
            {...form.register("validUntil")}
          />
        </FormField>
      </div>
      <FormField id="promo-description" label="Description" error={errors.description?.message}>
        <TextInput
          id="promo-description"
          autoComplete="off"
          invalid={!!errors.description}
          {...form.register("description")}
        />
      </FormField>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input
          type="checkbox"
          className="size-4 rounded border-zinc-300 accent-accent-600"
          {...form.register("active")}
        />
        Active
      </label>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : promoCode ? "Save promo code" : "Create promo code"}
        </Button>
      </div>
    </form>
  );
}
