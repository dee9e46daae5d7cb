// Stripe Checkout behind the domain's PaymentGateway: one hosted checkout session per invoice.
// The session carries the invoice, payment and account ids in its metadata; the webhook
// (http/stripe-webhook.ts) finds the payment by the session id.
import type { PaymentGateway } from "@markettina/domain";
import Stripe from "stripe";
import type { StripeConfig } from "../config.ts";
import type { Logger } from "../logger.ts";

export function createStripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    host: config.apiHost,
    port: config.apiPort,
    protocol: config.apiProtocol,
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Markettina" },
  });
}

export function stripeGateway(stripe: Stripe, publicWebUrl: string, logger: Logger): PaymentGateway {
  return {
    returnBaseUrl: publicWebUrl,
    async createCheckoutSession(request) {
      const metadata = {
        accountId: request.accountId,
        invoiceId: request.invoiceId,
        paymentId: request.paymentId,
      };
      // The domain answers the buyer with a PAYMENT_PROVIDER_ERROR; operators need the reason.
      const session = await stripe.checkout.sessions
        .create(
          {
            mode: "payment",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: request.amountMinor,
                  product_data: { name: request.description },
                },
              },
            ],
            client_reference_id: request.invoiceId,
            metadata,
            payment_intent_data: { metadata },
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
          },
          // One session per payment, however often the SDK retries the request.
          { idempotencyKey: `checkout:${request.paymentId}` },
        )
        .catch((error: unknown) => {
          logger.error({ err: error, paymentId: request.paymentId }, "stripe checkout session failed");
          throw error;
        });
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
      return { id: session.id, url: session.url };
    },
  };
}
