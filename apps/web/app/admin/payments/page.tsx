import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { PendingPaymentsTable } from "./pending-payments-table";

export const metadata: Metadata = { title: "Payments" };

export default function AdminPaymentsPage() {
  return (
    <>
      <PageHeader
        title="Payments"
        description="Manual payments (bank transfers) wait here until you confirm that the money arrived. Confirming pays the invoice and credits the tokens."
      />
      <Panel title="Awaiting confirmation">
        <PendingPaymentsTable />
      </Panel>
    </>
  );
}
