"use client";

import { CatalogTable } from "@/components/admin/catalog-table";
import { useToggleActive } from "@/components/admin/use-toggle-active";
import { Td, Th } from "@/components/ui/data-table";
import { formatTokens } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerQuery } from "@/lib/graphql/use-graphql";
import { AdminServicePricingQuery, UpdateServicePricingMutation } from "./pricing-operations";

export type ServicePrice = ResultOf<typeof AdminServicePricingQuery>["allServicePricing"][number];

export function PricingTable({ onEdit }: { onEdit: (servicePrice: ServicePrice) => void }) {
  const pricing = useViewerQuery(AdminServicePricingQuery, {});
  const toggle = useToggleActive(UpdateServicePricingMutation, {
    payloadOf: (result) => result.updateServicePricing,
    listQuery: "AdminServicePricing",
    failure: "Could not change the service.",
  });

  return (
    <CatalogTable
      query={pricing}
      items={(data) => data.allServicePricing}
      loadingLabel="Loading prices…"
      empty={<EmptyState title="No services are priced yet" />}
      caption="Service prices"
      columns={
        <>
          <Th>Service</Th>
          <Th>Code</Th>
          <Th>Unit</Th>
          <Th className="text-right">Tokens per unit</Th>
        </>
      }
      cells={(servicePrice) => (
        <>
          <Td className="font-medium text-zinc-900">{servicePrice.name}</Td>
          <Td className="font-mono text-xs">{servicePrice.serviceCode}</Td>
          <Td>{servicePrice.unit}</Td>
          <Td className="text-right tabular-nums">{formatTokens(servicePrice.tokensPerUnit)}</Td>
        </>
      )}
      nameOf={(servicePrice) => servicePrice.serviceCode}
      onEdit={onEdit}
      toggle={toggle}
    />
  );
}
