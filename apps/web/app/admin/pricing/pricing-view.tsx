"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { PricingTable, type ServicePrice } from "./pricing-table";
import { ServicePriceForm } from "./service-price-form";

type Editing = { kind: "new" } | { kind: "edit"; servicePrice: ServicePrice } | null;

export function PricingView() {
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Pricing"
        description="What one unit of each metered service costs in tokens, before an agency's markup. Deactivate a service to stop selling it."
      >
        <Button onClick={() => setEditing({ kind: "new" })}>New service</Button>
      </PageHeader>
      {notice ? (
        <p role="status" className="mb-4 text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      <Panel title="Services">
        <PricingTable onEdit={(servicePrice) => setEditing({ kind: "edit", servicePrice })} />
      </Panel>
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "edit" ? `Edit ${editing.servicePrice.serviceCode}` : "New service"}
      >
        {editing ? (
          <ServicePriceForm
            servicePrice={editing.kind === "edit" ? editing.servicePrice : null}
            onCancel={() => setEditing(null)}
            onSaved={(message) => {
              setEditing(null);
              setNotice(message);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
