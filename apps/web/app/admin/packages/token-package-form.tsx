"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { fromMinorUnits, isCurrencyCode, toMinorUnits } from "@/lib/billing/money";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { useViewerMutation, viewerQueryKey } from "@/lib/graphql/use-graphql";
import { CreateTokenPackageMutation, UpdateTokenPackageMutation } from "./packages-operations";
import type { TokenPackage } from "./packages-table";

const wholeNumber = (label: string) => z.string().trim().regex(/^\d+$/, `Enter ${label} as a whole number.`);

const TokenPackageInput = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
    description: z.string().trim().max(500, "Use at most 500 characters."),
    tokens: wholeNumber("the tokens").refine((v) => Number(v) > 0, "A package holds at least 1 token."),
    bonusTokens: wholeNumber("the bonus"),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, "Use a three-letter currency code, e.g. EUR."),
    price: z.string().trim().min(1, "Enter the price."),
    sortOrder: z
      .string()
      .trim()
      .regex(/^-?\d+$/, "Enter a whole number."),
    active: z.boolean(),
  })
  .superRefine((values, issue) => {
    if (isCurrencyCode(values.currency) && toMinorUnits(values.price, values.currency) === null) {
      issue.addIssue({ code: "custom", path: ["price"], message: "Enter an amount such as 19.90." });
    }
  });
type TokenPackageInput = z.input<typeof TokenPackageInput>;
type TokenPackageValues = z.output<typeof TokenPackageInput>;

const FIELDS = [
  "name",
  "description",
  "tokens",
  "bonusTokens",
  "currency",
  "price",
  "sortOrder",
  "active",
] as const;

/** Creates a package (tokenPackage null) or edits one. */
export function TokenPackageForm({
  tokenPackage,
  onSaved,
  onCancel,
}: {
  tokenPackage: TokenPackage | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const create = useViewerMutation(CreateTokenPackageMutation);
  const update = useViewerMutation(UpdateTokenPackageMutation);
  const queryClient = useQueryClient();
  const form = useForm<TokenPackageInput, unknown, TokenPackageValues>({
    resolver: zodResolver(TokenPackageInput),
    defaultValues: tokenPackage
      ? {
          name: tokenPackage.name,
          description: tokenPackage.description,
          tokens: String(tokenPackage.tokens),
          bonusTokens: String(tokenPackage.bonusTokens),
          currency: tokenPackage.currency,
          price: fromMinorUnits(tokenPackage.priceMinor, tokenPackage.currency),
          sortOrder: String(tokenPackage.sortOrder),
          active: tokenPackage.active,
        }
      : {
          name: "",
          description: "",
          tokens: "",
          bonusTokens: "0",
          currency: "EUR",
          price: "",
          sortOrder: "0",
          active: true,
        },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: TokenPackageValues) {
    const input = {
      name: values.name,
      description: values.description,
      tokens: Number(values.tokens),
      bonusTokens: Number(values.bonusTokens),
      currency: values.currency,
      priceMinor: toMinorUnits(values.price, values.currency) ?? 0,
      sortOrder: Number(values.sortOrder),
      active: values.active,
    };
    try {
      const payload = tokenPackage
        ? (await update.mutateAsync({ input: { id: tokenPackage.id, ...input } })).updateTokenPackage
        : (await create.mutateAsync({ input })).createTokenPackage;
      if (payload.userErrors.length > 0) {
        // The API names the price priceMinor; the form shows it under the price.
        const userErrors = payload.userErrors.map((error) =>
          error.field?.endsWith("priceMinor") ? { ...error, field: "price" } : error,
        );
        applyUserErrors(userErrors, FIELDS, form.setError);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: viewerQueryKey("AdminTokenPackages") });
      onSaved(tokenPackage ? `Saved ${values.name}.` : `Created ${values.name}.`);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label={tokenPackage ? "Edit package" : "New package"}
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="package-name" label="Name" error={errors.name?.message}>
          <TextInput
            id="package-name"
            autoComplete="off"
            invalid={!!errors.name}
            {...form.register("name")}
          />
        </FormField>
        <FormField id="package-sort-order" label="Order in the list" error={errors.sortOrder?.message}>
          <TextInput
            id="package-sort-order"
            inputMode="numeric"
            invalid={!!errors.sortOrder}
            {...form.register("sortOrder")}
          />
        </FormField>
      </div>
      <FormField id="package-description" label="Description" error={errors.description?.message}>
        <TextInput
          id="package-description"
          autoComplete="off"
          invalid={!!errors.description}
          {...form.register("description")}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="package-tokens" label="Tokens" error={errors.tokens?.message}>
          <TextInput
            id="package-tokens"
            inputMode="numeric"
            invalid={!!errors.tokens}
            {...form.register("tokens")}
          />
        </FormField>
        <FormField id="package-bonus" label="Bonus tokens" error={errors.bonusTokens?.message}>
          <TextInput
            id="package-bonus"
            inputMode="numeric"
            invalid={!!errors.bonusTokens}
            {...form.register("bonusTokens")}
          />
        </FormField>
        <FormField
          id="package-price"
          label="Price"
          hint="In the currency's units, e.g. 19.90."
          error={errors.price?.message}
        >
          <TextInput
            id="package-price"
            inputMode="decimal"
            invalid={!!errors.price}
            {...form.register("price")}
          />
        </FormField>
        <FormField id="package-currency" label="Currency" error={errors.currency?.message}>
          <TextInput
            id="package-currency"
            autoComplete="off"
            maxLength={3}
            className="uppercase"
            invalid={!!errors.currency}
            {...form.register("currency")}
          />
        </FormField>
      </div>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input
          type="checkbox"
          className="size-4 rounded border-zinc-300 accent-accent-600"
          {...form.register("active")}
        />
        On sale
      </label>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : tokenPackage ? "Save package" : "Create package"}
        </Button>
      </div>
    </form>
  );
}
