// The payment provider as the domain sees it: it opens a hosted checkout for an invoice and says
// where to send the buyer. The Stripe adapter (apps/api/src/billing/stripe-gateway.ts) implements
// it; the domain never imports the provider's SDK.

export interface CheckoutSessionRequest {
  invoiceId: string;
  paymentId: string;
  accountId: string;
  /** What the buyer sees on the checkout page. */
  description: string;
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSession {
  /** The provider's session id: the webhook names it when the payment completes. */
  id: string;
  url: string;
}

export interface PaymentGateway {
  /** The web console's public address: the buyer returns there after checkout. */
  readonly returnBaseUrl: string;
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
}
