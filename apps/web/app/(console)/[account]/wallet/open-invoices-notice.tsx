"use client";

import type { Route } from "next";
import Link from "next/link";
import { formatMoney } from "@/components/ui/format";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { WalletOpenInvoicesQuery } from "./wallet-operations";

/** Purchases whose payment has not arrived yet: manual ones wait for a platform admin. */
export function OpenInvoicesNotice() {
  const accountSlug = useAccountSlug();
  const invoices = useAccountQuery(WalletOpenInvoicesQuery, {});
  // The wallet page works without this notice; a failure here is shown on the invoices page.
  const open = (invoices.data?.invoices.nodes ?? []).filter((invoice) => invoice.status === "OPEN");
  if (open.length === 0) return null;

  return (
    <section
      aria-label="Pending purchases"
      className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <ul className="space-y-1">
        {open.map((invoice) => {
          const pending = invoice.payments.find((payment) => payment.status === "PENDING");
          const href = `/${accountSlug}/invoices/${encodeURIComponent(invoice.id)}` as Route;
          return (
            <li key={invoice.id}>
              {pending?.provider === "STRIPE"
                ? "Waiting for the card payment"
                : "Awaiting confirmation by a platform admin"}{" "}
              — invoice{" "}
              <Link href={href} className="font-medium underline hover:text-amber-950">
                {invoice.formattedNumber}
              </Link>{" "}
              ({formatMoney(invoice.totalMinor, invoice.currency)})
              {pending?.checkoutUrl ? (
                <>
                  {" "}
                  ·{" "}
                  <a href={pending.checkoutUrl} className="font-medium underline hover:text-amber-950">
                    Pay now
                  </a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
