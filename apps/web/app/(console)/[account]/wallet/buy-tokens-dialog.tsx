"use client";

import type { Route } from "next";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { formatMoney, formatTokens } from "@/components/ui/format";
import { Modal } from "@/components/ui/modal";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useIdempotencyKey } from "@/lib/billing/idempotency-key";
import { userErrorsByField } from "@/lib/forms/apply-user-errors";
import type { ResultOf } from "@/lib/graphql/graphql";
import {
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
  useRefreshAccountQueries,
} from "@/lib/graphql/use-graphql";
import { PurchaseTokenPackageMutation, TokenPackagesQuery, WALLET_QUERIES } from "./wallet-operations";

type Invoice = NonNullable<ResultOf<typeof PurchaseTokenPackageMutation>["purchaseTokenPackage"]["invoice"]>;
type FieldErrors = { packageId?: string; promoCode?: string; form?: string };

/** "Buy tokens": choose a package, optionally a percent-off code, confirm. */
export function BuyTokensButton() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Buy tokens</Button>
      <Modal
        open={open}
        onClose={() => (busy ? undefined : setOpen(false))}
        title="Buy tokens"
        description="Tokens are credited once the payment has been received."
      >
        {open ? <BuyTokensForm onBusy={setBusy} onClose={() => setOpen(false)} /> : null}
      </Modal>
    </>
  );
}

function BuyTokensForm({ onBusy, onClose }: { onBusy: (busy: boolean) => void; onClose: () => void }) {
  const packages = useAccountQuery(TokenPackagesQuery, {});
  const purchase = useAccountMutation(PurchaseTokenPackageMutation);
  const refresh = useRefreshAccountQueries();
  // The form mounts when the dialog opens: a fresh intent, kept across retries of this purchase.
  const intent = useIdempotencyKey();
  const [packageId, setPackageId] = useState("");
  const [promoCode, setPromoCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issued, setIssued] = useState<Invoice | null>(null);

  if (issued) return <PurchaseIssued invoice={issued} onDone={onClose} />;
  if (packages.isPending) return <LoadingState label="Loading packages…" />;
  if (packages.isError) return <ErrorState error={packages.error} onRetry={() => packages.refetch()} />;
  const offers = packages.data.tokenPackages;
  if (offers.length === 0) return <EmptyState title="No packages are on sale right now" />;
  const chosen = offers.find((offer) => offer.id === packageId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setErrors({ packageId: "Choose a package." });
      return;
    }
    const request = { packageId: chosen.id, promoCode: promoCode.trim() || null };
    setErrors({});
    onBusy(true);
    try {
      const { purchaseTokenPackage: payload } = await purchase.mutateAsync({
        input: { ...request, idempotencyKey: intent.keyFor(request) },
      });
      if (payload.userErrors.length > 0) {
        setErrors(userErrorsByField(payload.userErrors, ["promoCode", "packageId"]));
        return;
      }
      intent.reset();
      if (payload.checkoutUrl) {
        // Stripe: pay on the hosted checkout; it sends the buyer back to this page.
        window.location.assign(payload.checkoutUrl);
        return;
      }
      if (payload.invoice) setIssued(payload.invoice);
      await refresh([...WALLET_QUERIES, "Invoices"]);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : "Could not buy the package." });
    } finally {
      onBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Buy tokens" className="space-y-4">
      <fieldset aria-describedby={errors.packageId ? "buy-package-error" : undefined}>
        <legend className="text-sm font-medium text-zinc-800">Package</legend>
        <div className="mt-2 space-y-2">
          {offers.map((offer) => (
            <label
              key={offer.id}
              className="flex cursor-pointer items-center gap-3 rounded-md p-3 ring-1 ring-zinc-200 has-checked:bg-accent-50 has-checked:ring-accent-500"
            >
              <input
                type="radio"
                name="package"
                value={offer.id}
                checked={packageId === offer.id}
                onChange={() => setPackageId(offer.id)}
                className="size-4 accent-accent-600"
              />
              <span className="min-w-0 flex-1">
                <span className="block text-sm font-medium text-zinc-900">{offer.name}</span>
                <span className="block text-xs text-zinc-600">
                  {formatTokens(offer.tokens)} tokens
                  {offer.bonusTokens > 0 ? ` + ${formatTokens(offer.bonusTokens)} bonus` : ""}
                </span>
              </span>
              <span className="text-sm font-semibold text-zinc-900 tabular-nums">
                {formatMoney(offer.priceMinor, offer.currency)}
              </span>
            </label>
          ))}
        </div>
        <FieldError id="buy-package-error" message={errors.packageId} />
      </fieldset>
      <FormField
        id="buy-promo-code"
        label="Promo code (optional)"
        hint="A percent-off code lowers this invoice."
        error={errors.promoCode}
      >
        <TextInput
          id="buy-promo-code"
          autoComplete="off"
          value={promoCode}
          invalid={!!errors.promoCode}
          onChange={(event) => setPromoCode(event.target.value.toUpperCase())}
        />
      </FormField>
      <FieldError message={errors.form} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onClose} disabled={purchase.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={purchase.isPending}>
          {purchase.isPending
            ? "Buying…"
            : chosen
              ? `Confirm purchase (${formatMoney(chosen.priceMinor, chosen.currency)})`
              : "Confirm purchase"}
        </Button>
      </div>
    </form>
  );
}

/** After a purchase without Stripe: the invoice waits for a platform admin to confirm the payment. */
function PurchaseIssued({ invoice, onDone }: { invoice: Invoice; onDone: () => void }) {
  const accountSlug = useAccountSlug();
  const href = `/${accountSlug}/invoices/${encodeURIComponent(invoice.id)}` as Route;
  const paid = invoice.status === "PAID";
  return (
    <div className="space-y-4">
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
      >
        {paid
          ? `Invoice ${invoice.formattedNumber} is paid: the tokens are in your wallet.`
          : `Awaiting confirmation by a platform admin — invoice ${invoice.formattedNumber}.`}{" "}
        Total {formatMoney(invoice.totalMinor, invoice.currency)}.
      </p>
      <div className="flex justify-end gap-3">
        <Link href={href} className="self-center text-sm font-medium text-accent-700 hover:underline">
          View invoice {invoice.formattedNumber}
        </Link>
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </div>
    </div>
  );
}
