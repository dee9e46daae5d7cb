import type { Metadata } from "next";
import { BillingOnly } from "@/components/console/billing-only";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { InvoicesTable } from "./invoices-table";

export const metadata: Metadata = { title: "Invoices" };

export default function InvoicesPage() {
  return (
    <>
      <PageHeader
        title="Invoices"
        description="One invoice for each token package bought, with its payment."
      />
      <Panel title="Invoices">
        <BillingOnly what="see invoices">
          <InvoicesTable />
        </BillingOnly>
      </Panel>
    </>
  );
}
