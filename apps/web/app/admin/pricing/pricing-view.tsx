"use client";

import { CatalogView } from "@/components/admin/catalog-view";
import { PricingTable, type ServicePrice } from "./pricing-table";
import { ServicePriceForm } from "./service-price-form";

export function PricingView() {
  return (
    <CatalogView<ServicePrice>
      title="Pricing"
      description="What one unit of each metered service costs in tokens, before an agency's markup. Deactivate a service to stop selling it."
      noun="service"
      panelTitle="Services"
      nameOf={(servicePrice) => servicePrice.serviceCode}
      table={(onEdit) => <PricingTable onEdit={onEdit} />}
      form={(servicePrice, done) => <ServicePriceForm servicePrice={servicePrice} {...done} />}
    />
  );
}
