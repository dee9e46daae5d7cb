"use client";

import type { ReactNode } from "react";
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { formatDate, formatDateTime, formatMoney, formatTokens } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { InvoiceQuery } from "./invoice-operations";

type Invoice = NonNullable<ResultOf<typeof InvoiceQuery>["invoice"]>;

/** The invoice as a document: on screen a sheet of paper, in print the whole page. */
export function InvoiceDocument({ invoice }: { invoice: Invoice }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  return (
    <article
      aria-labelledby="invoice-title"
      className="rounded-lg border border-zinc-200 bg-white p-8 shadow-xs print:border-0 print:p-0 print:shadow-none"
    >
      <header className="flex flex-wrap items-start justify-between gap-6 border-b border-zinc-200 pb-6">
        <div>
          <p className="text-lg font-semibold tracking-tight text-zinc-900">Markettina</p>
          <p className="text-sm text-zinc-500">Token wallet</p>
        </div>
        <div className="text-right">
          <h1 id="invoice-title" className="text-xl font-semibold text-zinc-900">
            Invoice {invoice.formattedNumber}
          </h1>
          <p className="mt-1">
            <Badge tone={statusTone(invoice.status)}>{enumLabel(invoice.status)}</Badge>
          </p>
        </div>
      </header>

      <dl className="grid gap-4 py-6 text-sm sm:grid-cols-3">
        <Detail label="Billed to">{invoice.billedName}</Detail>
        <Detail label="Issued">{formatDate(invoice.issuedAt)}</Detail>
        <Detail label={invoice.voidedAt ? "Voided" : "Paid"}>
          {invoice.voidedAt
            ? formatDate(invoice.voidedAt)
            : invoice.paidAt
              ? formatDate(invoice.paidAt)
              : "Not yet"}
        </Detail>
      </dl>

      <table className="w-full text-sm">
        <caption className="sr-only">Items</caption>
        <thead>
          <tr className="border-b border-zinc-300 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase">
            <th scope="col" className="py-2 pr-4">
              Description
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Tokens
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Qty
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Unit price
            </th>
            <th scope="col" className="py-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {invoice.items.map((item, index) => (
            // Items have no id of their own and never change order.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              <td className="py-3 pr-4 text-zinc-900">{item.description}</td>
              <td className="py-3 pr-4 text-right tabular-nums">
                {formatTokens(item.tokens)}
                {item.bonusTokens > 0 ? (
                  <span className="block text-xs text-zinc-500">
                    + {formatTokens(item.bonusTokens)} bonus
                  </span>
                ) : null}
              </td>
              <td className="py-3 pr-4 text-right tabular-nums">{item.quantity}</td>
              <td className="py-3 pr-4 text-right tabular-nums">{money(item.unitPriceMinor)}</td>
              <td className="py-3 text-right tabular-nums">{money(item.amountMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="mt-4 ml-auto w-full max-w-xs space-y-1 border-t border-zinc-300 pt-4 text-sm">
        <Total label="Subtotal">{money(invoice.subtotalMinor)}</Total>
        {invoice.discountMinor > 0 ? (
          <Total label={invoice.promoCode ? `Discount (${invoice.promoCode})` : "Discount"}>
            −{money(invoice.discountMinor)}
          </Total>
        ) : null}
        <Total label="Tax">{money(invoice.taxMinor)}</Total>
        <Total label="Total" strong>
          {money(invoice.totalMinor)}
        </Total>
      </dl>

      {invoice.payments.length > 0 ? (
        <section aria-labelledby="invoice-payments" className="mt-8 text-sm">
          <h2 id="invoice-payments" className="text-xs font-semibold tracking-wide text-zinc-600 uppercase">
            Payments
          </h2>
          <ul className="mt-2 space-y-1 text-zinc-700">
            {invoice.payments.map((payment) => (
              <li key={payment.id}>
                {formatMoney(payment.amountMinor, payment.currency)} by{" "}
                {payment.provider === "MANUAL" ? "bank transfer" : "card (Stripe)"} —{" "}
                {payment.status === "SUCCEEDED"
                  ? `received ${formatDateTime(payment.confirmedAt)}`
                  : payment.status === "PENDING" && payment.provider === "MANUAL"
                    ? "awaiting confirmation by a platform admin"
                    : enumLabel(payment.status).toLowerCase()}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-1 text-zinc-900">{children}</dd>
    </div>
  );
}

function Total({
  label,
  strong = false,
  children,
}: {
  label: string;
  strong?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`flex justify-between ${strong ? "text-base font-semibold text-zinc-900" : "text-zinc-700"}`}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
