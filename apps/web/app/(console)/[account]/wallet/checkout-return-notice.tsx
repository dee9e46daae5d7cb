// Stripe Checkout sends the buyer back to /[account]/wallet?checkout=success|canceled.
export type CheckoutOutcome = "success" | "canceled";

export function CheckoutReturnNotice({ outcome }: { outcome: CheckoutOutcome }) {
  return outcome === "success" ? (
    <p
      role="status"
      className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
    >
      Thank you: the payment went through. The tokens are credited as soon as the payment provider confirms
      it, usually within a minute.
    </p>
  ) : (
    <p role="status" className="mb-6 rounded-md border border-zinc-200 bg-white p-3 text-sm text-zinc-700">
      The checkout was canceled: nothing was charged. The invoice stays open until it is paid.
    </p>
  );
}
