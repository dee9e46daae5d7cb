"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CatalogForm } from "@/components/admin/catalog-form";
import { useCatalogSubmit } from "@/components/admin/use-catalog-submit";
import { FormTextField } from "@/components/ui/form-bound-fields";
import { useViewerMutation } from "@/lib/graphql/use-graphql";
import { CreateServicePricingMutation, UpdateServicePricingMutation } from "./pricing-operations";
import type { ServicePrice } from "./pricing-table";

const ServicePriceInput = z.object({
  serviceCode: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,62}$/, "Use lowercase letters, digits and underscores, e.g. image_generation."),
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  unit: z.string().trim().min(1, "Enter the unit, e.g. image.").max(40, "Use at most 40 characters."),
  tokensPerUnit: z.string().trim().regex(/^\d+$/, "Enter a whole number of tokens."),
  active: z.boolean(),
});
type ServicePriceInput = z.infer<typeof ServicePriceInput>;

const FIELDS = ["serviceCode", "name", "unit", "tokensPerUnit", "active"] as const;

/** Creates a service price (servicePrice null) or edits one; a service's code never changes. */
export function ServicePriceForm({
  servicePrice,
  onSaved,
  onCancel,
}: {
  servicePrice: ServicePrice | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const create = useViewerMutation(CreateServicePricingMutation);
  const update = useViewerMutation(UpdateServicePricingMutation);
  const form = useForm<ServicePriceInput>({
    resolver: zodResolver(ServicePriceInput),
    defaultValues: servicePrice
      ? {
          serviceCode: servicePrice.serviceCode,
          name: servicePrice.name,
          unit: servicePrice.unit,
          tokensPerUnit: String(servicePrice.tokensPerUnit),
          active: servicePrice.active,
        }
      : { serviceCode: "", name: "", unit: "", tokensPerUnit: "", active: true },
  });
  const save = useCatalogSubmit({
    setError: form.setError,
    fields: FIELDS,
    listQuery: "AdminServicePricing",
    editing: servicePrice !== null,
    onSaved,
  });

  async function submit(values: ServicePriceInput) {
    const fields = {
      name: values.name,
      unit: values.unit,
      tokensPerUnit: Number(values.tokensPerUnit),
      active: values.active,
    };
    await save(
      async () =>
        servicePrice
          ? (await update.mutateAsync({ input: { id: servicePrice.id, ...fields } })).updateServicePricing
          : (await create.mutateAsync({ input: { serviceCode: values.serviceCode, ...fields } }))
              .createServicePricing,
      values.serviceCode,
    );
  }

  return (
    <CatalogForm
      form={form}
      noun="service"
      editing={servicePrice !== null}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField
          form={form}
          name="serviceCode"
          id="service-code"
          label="Code"
          hint={
            servicePrice ? "A service's code cannot change." : "Integrators send it when reserving tokens."
          }
          autoComplete="off"
          readOnly={!!servicePrice}
          className="font-mono"
        />
        <FormTextField form={form} name="name" id="service-name" label="Name" autoComplete="off" />
        <FormTextField
          form={form}
          name="unit"
          id="service-unit"
          label="Unit"
          hint="What is counted: image, email, 1k words…"
          autoComplete="off"
        />
        <FormTextField
          form={form}
          name="tokensPerUnit"
          id="service-tokens"
          label="Tokens per unit"
          inputMode="numeric"
        />
      </div>
    </CatalogForm>
  );
}
