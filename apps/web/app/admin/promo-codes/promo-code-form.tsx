"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CatalogForm } from "@/components/admin/catalog-form";
import { useCatalogSubmit } from "@/components/admin/use-catalog-submit";
import { FormTextField } from "@/components/ui/form-bound-fields";
import { FormField, SelectInput } from "@/components/ui/form-field";
import { useViewerMutation } from "@/lib/graphql/use-graphql";
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
  const { errors } = form.formState;
  const save = useCatalogSubmit({
    setError: form.setError,
    fields: FIELDS,
    listQuery: "AdminPromoCodes",
    editing: promoCode !== null,
    onSaved,
  });
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
    await save(
      async () =>
        promoCode
          ? (await update.mutateAsync({ input: { id: promoCode.id, ...input } })).updatePromoCode
          : (await create.mutateAsync({ input })).createPromoCode,
      values.code,
    );
  }

  return (
    <CatalogForm
      form={form}
      noun="promo code"
      editing={promoCode !== null}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField
          form={form}
          name="code"
          id="promo-code"
          label="Code"
          autoComplete="off"
          className="font-mono uppercase"
        />
        <FormField id="promo-kind" label="Kind" error={errors.kind?.message}>
          <SelectInput id="promo-kind" invalid={!!errors.kind} {...form.register("kind")}>
            <option value="BONUS_TOKENS">Bonus tokens (redeemed in the wallet)</option>
            <option value="PERCENT_OFF">Percent off a package</option>
          </SelectInput>
        </FormField>
        <FormTextField
          form={form}
          name="value"
          id="promo-value"
          label={kind === "PERCENT_OFF" ? "Percent off" : "Bonus tokens"}
          inputMode="numeric"
        />
        <FormTextField
          form={form}
          name="maxRedemptions"
          id="promo-max"
          label="Redemption limit (optional)"
          hint="Across all accounts; each account redeems a code once."
          inputMode="numeric"
        />
        <FormTextField
          form={form}
          name="validFrom"
          id="promo-valid-from"
          label="Valid from (optional)"
          type="date"
        />
        <FormTextField
          form={form}
          name="validUntil"
          id="promo-valid-until"
          label="Valid until (optional)"
          type="date"
        />
      </div>
      <FormTextField
        form={form}
        name="description"
        id="promo-description"
        label="Description"
        autoComplete="off"
      />
    </CatalogForm>
  );
}
