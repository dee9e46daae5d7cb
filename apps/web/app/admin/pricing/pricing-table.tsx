"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatTokens } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerMutation, useViewerQuery, viewerQueryKey } from "@/lib/graphql/use-graphql";
import { AdminServicePricingQuery, UpdateServicePricingMutation } from "./pricing-operations";

export type ServicePrice = ResultOf<typeof AdminServicePricingQuery>["allServicePricing"][number];

export function PricingTable({ onEdit }: { onEdit: (servicePrice: ServicePrice) => void }) {
  const pricing = useViewerQuery(AdminServicePricingQuery, {});
  const update = useViewerMutation(UpdateServicePricingMutation);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();

  async function setActive(servicePrice: ServicePrice, active: boolean) {
    setError(undefined);
    try {
      const { updateServicePricing: payload } = await update.mutateAsync({
        input: { id: servicePrice.id, active },
      });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the service.");
    }
    await queryClient.invalidateQueries({ queryKey: viewerQueryKey("AdminServicePricing") });
  }

  if (pricing.isPending) return <LoadingState label="Loading prices…" />;
  if (pricing.isError) return <ErrorState error={pricing.error} onRetry={() => pricing.refetch()} />;
  const nodes = pricing.data.allServicePricing;
  if (nodes.length === 0) return <EmptyState title="No services are priced yet" />;

  return (
    <>
      <DataTable caption="Service prices">
        <thead>
          <tr>
            <Th>Service</Th>
            <Th>Code</Th>
            <Th>Unit</Th>
            <Th className="text-right">Tokens per unit</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((servicePrice) => (
            <tr key={servicePrice.id}>
              <Td className="font-medium text-zinc-900">{servicePrice.name}</Td>
              <Td className="font-mono text-xs">{servicePrice.serviceCode}</Td>
              <Td>{servicePrice.unit}</Td>
              <Td className="text-right tabular-nums">{formatTokens(servicePrice.tokensPerUnit)}</Td>
              <Td>
                <Badge tone={servicePrice.active ? "success" : "neutral"}>
                  {servicePrice.active ? "Active" : "Inactive"}
                </Badge>
              </Td>
              <Td className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Edit ${servicePrice.serviceCode}`}
                    onClick={() => onEdit(servicePrice)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant={servicePrice.active ? "danger" : "ghost"}
                    size="sm"
                    aria-label={`${servicePrice.active ? "Deactivate" : "Activate"} ${servicePrice.serviceCode}`}
                    disabled={update.isPending}
                    onClick={() => setActive(servicePrice, !servicePrice.active)}
                  >
                    {servicePrice.active ? "Deactivate" : "Activate"}
                  </Button>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="px-4">
        <FieldError message={error} />
      </div>
    </>
  );
}
