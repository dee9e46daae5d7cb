import type { Metadata } from "next";
import { InvoiceView } from "./invoice-view";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoiceId } = await params;
  return <InvoiceView invoiceId={decodeURIComponent(invoiceId)} />;
}
