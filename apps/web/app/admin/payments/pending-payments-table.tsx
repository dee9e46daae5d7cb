"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime, formatMoney } from "@/components/ui/format";
import { Modal } from "@/components/ui/modal";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerQuery } from "@/lib/graphql/use-graphql";
import { ConfirmPaymentForm } from "./confirm-payment-form";
import { PendingManualPaymentsQuery } from "./payments-operations";

export type PendingPayment = ResultOf<typeof PendingManualPaymentsQuery>["pendingManualPayments"][number];

/** Oldest first, in every account. */
export function PendingPaymentsTable() {
  const payments = useViewerQuery(PendingManualPaymentsQuery, {});
  const [confirming, setConfirming] = useState<PendingPayment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (payments.isPending) return <LoadingState label="Loading payments…" />;
  if (payments.isError) return <ErrorState error={payments.error} onRetry={() => payments.refetch()} />;

  const nodes = payments.data.pendingManualPayments;
  return (
    <>
      {notice ? (
        <p role="status" className="border-b border-zinc-100 px-4 py-3 text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      {nodes.length === 0 ? (
        <EmptyState title="No payments are waiting">Manual purchases appear here until confirmed.</EmptyState>
      ) : (
        <DataTable caption="Payments awaiting confirmation">
          <thead>
            <tr>
              <Th>Invoice</Th>
              <Th>Account</Th>
              <Th className="text-right">Amount</Th>
              <Th>Ordered</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {nodes.map((payment) => (
              <tr key={payment.paymentId}>
                <Td className="font-medium text-zinc-900">{payment.formattedInvoiceNumber}</Td>
                <Td>{payment.accountName}</Td>
                <Td className="text-right tabular-nums">
                  {formatMoney(payment.amountMinor, payment.currency)}
                </Td>
                <Td>{formatDateTime(payment.createdAt)}</Td>
                <Td className="text-right">
                  <Button
                    size="sm"
                    aria-label={`Confirm payment for invoice ${payment.formattedInvoiceNumber}`}
                    onClick={() => setConfirming(payment)}
                  >
                    Confirm
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Modal
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={`Confirm payment for invoice ${confirming?.formattedInvoiceNumber ?? ""}`}
        description={
          confirming
            ? `Confirm only once ${formatMoney(confirming.amountMinor, confirming.currency)} from ${confirming.accountName} has arrived. The invoice is then paid and the tokens credited.`
            : undefined
        }
      >
        {confirming ? (
          <ConfirmPaymentForm
            payment={confirming}
            onCancel={() => setConfirming(null)}
            onDone={(message) => {
              setConfirming(null);
              setNotice(message);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
