"use client";

import type { Route } from "next";
import Link from "next/link";
import { BillingOnly } from "@/components/console/billing-only";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { InvoiceDocument } from "./invoice-document";
import { InvoiceQuery } from "./invoice-operations";

/** One invoice, laid out to print: the toolbar and the console around it are hidden on paper. */
export function InvoiceView({ invoiceId }: { invoiceId: string }) {
  const accountSlug = useAccountSlug();
  return (
    <>
      <div className="mb-6 flex items-center justify-between gap-4 print:hidden">
        <Link
          href={`/${accountSlug}/invoices` as Route}
          className="text-sm font-medium text-accent-700 hover:underline"
        >
          ← All invoices
        </Link>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <BillingOnly what="see invoices">
        <InvoiceLoader invoiceId={invoiceId} />
      </BillingOnly>
    </>
  );
}

function InvoiceLoader({ invoiceId }: { invoiceId: string }) {
  const invoice = useAccountQuery(InvoiceQuery, { id: invoiceId });
  if (invoice.isPending) return <LoadingState label="Loading invoice…" />;
  if (invoice.isError) return <ErrorState error={invoice.error} onRetry={() => invoice.refetch()} />;
  if (!invoice.data.invoice) {
    return (
      <Panel>
        <EmptyState title="Invoice not found">It does not exist or belongs to another account.</EmptyState>
      </Panel>
    );
  }
  return <InvoiceDocument invoice={invoice.data.invoice} />;
}
