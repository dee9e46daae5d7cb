"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { useViewerMutation, viewerQueryKey } from "@/lib/graphql/use-graphql";
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
  const queryClient = useQueryClient();
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
  const { errors, isSubmitting } = form.formState;

  async function submit(values: ServicePriceInput) {
    const fields = {
      name: values.name,
      unit: values.unit,
      tokensPerUnit: Number(values.tokensPerUnit),
      active: values.active,
    };
    try {
      const payload = servicePrice
        ? (await update.mutateAsync({ input: { id: servicePrice.id, ...fields } })).updateServicePricing
        : (await create.mutateAsync({ input: { serviceCode: values.serviceCode, ...fields } }))
            .createServicePricing;
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, FIELDS, form.setError);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: viewerQueryKey("AdminServicePricing") });
      onSaved(servicePrice ? `Saved ${values.serviceCode}.` : `Created ${values.serviceCode}.`);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label={servicePrice ? "Edit service" : "New service"}
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="service-code"
          label="Code"
          hint={
            servicePrice ? "A service's code cannot change." : "Integrators send it when reserving tokens."
          }
          error={errors.serviceCode?.message}
        >
          <TextInput
            id="service-code"
            autoComplete="off"
            readOnly={!!servicePrice}
            className="font-mono"
            invalid={!!errors.serviceCode}
            {...form.register("serviceCode")}
          />
        </FormField>
        <FormField id="service-name" label="Name" error={errors.name?.message}>
          <TextInput
            id="service-name"
            autoComplete="off"
            invalid={!!errors.name}
            {...form.register("name")}
          />
        </FormField>
        <FormField
          id="service-unit"
          label="Unit"
          hint="What is counted: image, email, 1k words…"
          error={errors.unit?.message}
        >
          <TextInput
            id="service-unit"
            autoComplete="off"
            invalid={!!errors.unit}
            {...form.register("unit")}
          />
        </FormField>
        <FormField id="service-tokens" label="Tokens per unit" error={errors.tokensPerUnit?.message}>
          <TextInput
            id="service-tokens"
            inputMode="numeric"
            invalid={!!errors.tokensPerUnit}
            {...form.register("tokensPerUnit")}
          />
        </FormField>
      </div>
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
          {isSubmitting ? "Saving…" : servicePrice ? "Save service" : "Create service"}
        </Button>
      </div>
    </form>
  );
}
