"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CatalogForm } from "@/components/admin/catalog-form";
import { useCatalogSubmit } from "@/components/admin/use-catalog-submit";
import { FormTextField } from "@/components/ui/form-bound-fields";
import { fromMinorUnits, isCurrencyCode, toMinorUnits } from "@/lib/billing/money";
import { useViewerMutation } from "@/lib/graphql/use-graphql";
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
  const save = useCatalogSubmit({
    setError: form.setError,
    fields: FIELDS,
    listQuery: "AdminTokenPackages",
    editing: tokenPackage !== null,
    onSaved,
  });

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
    await save(async () => {
      const payload = tokenPackage
        ? (await update.mutateAsync({ input: { id: tokenPackage.id, ...input } })).updateTokenPackage
        : (await create.mutateAsync({ input })).createTokenPackage;
      // The API names the price priceMinor; the form shows it under the price.
      const userErrors = payload.userErrors.map((error) =>
        error.field?.endsWith("priceMinor") ? { ...error, field: "price" } : error,
      );
      return { userErrors };
    }, values.name);
  }

  return (
    <CatalogForm
      form={form}
      noun="package"
      editing={tokenPackage !== null}
      onSubmit={submit}
      onCancel={onCancel}
      activeLabel="On sale"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField form={form} name="name" id="package-name" label="Name" autoComplete="off" />
        <FormTextField
          form={form}
          name="sortOrder"
          id="package-sort-order"
          label="Order in the list"
          inputMode="numeric"
        />
      </div>
      <FormTextField
        form={form}
        name="description"
        id="package-description"
        label="Description"
        autoComplete="off"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField form={form} name="tokens" id="package-tokens" label="Tokens" inputMode="numeric" />
        <FormTextField
          form={form}
          name="bonusTokens"
          id="package-bonus"
          label="Bonus tokens"
          inputMode="numeric"
        />
        <FormTextField
          form={form}
          name="price"
          id="package-price"
          label="Price"
          hint="In the currency's units, e.g. 19.90."
          inputMode="decimal"
        />
        <FormTextField
          form={form}
          name="currency"
          id="package-currency"
          label="Currency"
          autoComplete="off"
          maxLength={3}
          className="uppercase"
        />
      </div>
    </CatalogForm>
  );
}
