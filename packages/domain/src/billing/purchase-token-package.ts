// An account buys a token package: an open invoice and a pending payment. With Stripe configured
// the buyer pays on Stripe's hosted checkout (the webhook completes the payment); without it a
// platform admin confirms the payment by hand (bank transfer). Tokens are credited only when
// the payment completes (complete-payment.ts), never here.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { runIdempotent } from "../platform/run-idempotent.ts";
import { completePayment } from "./complete-payment.ts";
import { IdempotencyKey } from "./inputs.ts";
import { nextInvoiceNumber } from "./invoice-number.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { claimPromoCode, findUsablePromoCode, PromoCodeText } from "./promo-codes.ts";

export const PurchaseTokenPackageInput = z.object({
  packageId: z.uuid("Choose a package."),
  promoCode: PromoCodeText.optional(),
  idempotencyKey: IdempotencyKey,
});
export type PurchaseTokenPackageInput = z.input<typeof PurchaseTokenPackageInput>;

export interface Purchase {
  invoiceId: string;
  paymentId: string;
  /** Where to send the buyer to pay (Stripe); null when an admin confirms the payment. */
  checkoutUrl: string | null;
}

export async function purchaseTokenPackage(
  ctx: OperationContext,
  raw: PurchaseTokenPackageInput,
  gateway?: PaymentGateway,
): Promise<Purchase> {
  authorize(ctx, "billing:manage");
  const input = parseInput(PurchaseTokenPackageInput, raw);
  const { idempotencyKey, ...request } = input;
  // A retried purchase answers the first invoice instead of issuing a second one.
  return runIdempotent(ctx, { operation: "purchaseTokenPackage", key: idempotencyKey, input: request }, () =>
    issuePurchase(ctx, input, gateway),
  );
}

/** Issues the invoice and payment of a purchase; also used by the auto-recharge job. */
export async function issuePurchase(
  ctx: OperationContext,
  input: Pick<z.output<typeof PurchaseTokenPackageInput>, "packageId" | "promoCode">,
  gateway: PaymentGateway | undefined,
): Promise<Purchase> {
  const k = schema.tokenPackages;
  const [pkg] = await ctx.tx
    .select()
    .from(k)
    .where(and(eq(k.id, input.packageId), eq(k.active, true)));
  if (!pkg) return fail("NOT_FOUND", "This package is not on sale.", "packageId");
  const promo = input.promoCode
    ? await findUsablePromoCode(ctx, input.promoCode, "percent_off", "promoCode")
    : null;
  const [account] = await ctx.tx
    .select({ name: schema.accounts.name, slug: schema.accounts.slug })
    .from(schema.accounts)
    .where(eq(schema.accounts.id, ctx.accountId));

  const subtotalMinor = pkg.priceMinor;
  const discountMinor = promo ? Math.round((subtotalMinor * (promo.percentOff ?? 0)) / 100) : 0;
  // Catalog prices are gross: no tax line until the installation configures taxes.
  const taxMinor = 0;
  const totalMinor = subtotalMinor - discountMinor + taxMinor;
  const invoiceId = uuidv7();
  const paymentId = uuidv7();
  const n = (x: number) => x.toLocaleString("en-US");
  const description = `${pkg.name}: ${n(pkg.tokens)} tokens${pkg.bonusTokens ? ` + ${n(pkg.bonusTokens)} bonus` : ""}`;

  // The provider call comes before the counter lock below, so a slow provider does not hold up
  // every other purchase. Should this transaction then roll back, the session is left unused
  // and expires; its webhook finds no payment and is ignored.
  const session =
    gateway && totalMinor > 0
      ? await checkoutSession(gateway, {
          invoiceId,
          paymentId,
          accountId: ctx.accountId,
          description,
          amountMinor: totalMinor,
          currency: pkg.currency,
          successUrl: returnUrl(gateway, account!.slug, invoiceId, "success"),
          cancelUrl: returnUrl(gateway, account!.slug, invoiceId, "canceled"),
        })
      : null;

  if (promo) await claimPromoCode(ctx, promo.id, "promoCode");
  const number = await nextInvoiceNumber(ctx);
  const [invoice] = await ctx.tx
    .insert(schema.invoices)
    .values({
      id: invoiceId,
      accountId: ctx.accountId,
      number,
      status: "open",
      currency: pkg.currency,
      subtotalMinor,
      discountMinor,
      taxMinor,
      totalMinor,
      billedName: account!.name,
      promoCodeId: promo?.id ?? null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await ctx.tx.insert(schema.invoiceItems).values({
    accountId: ctx.accountId,
    invoiceId,
    description,
    packageId: pkg.id,
    quantity: 1,
    unitPriceMinor: pkg.priceMinor,
    amountMinor: pkg.priceMinor,
    tokens: pkg.tokens,
    bonusTokens: pkg.bonusTokens,
  });
  if (promo) {
    // Once per account: the unique (promo_code_id, account_id) decides between two concurrent
    // purchases with the same code; the second waits for the first and then finds the row.
    const r = schema.promoRedemptions;
    const [redeemed] = await ctx.tx
      .insert(r)
      .values({ accountId: ctx.accountId, promoCodeId: promo.id, invoiceId, createdBy: ctx.actor.userId })
      .onConflictDoNothing({ target: [r.promoCodeId, r.accountId] })
      .returning({ id: r.id });
    if (!redeemed) fail("ALREADY_REDEEMED", "This account has already used this promo code.", "promoCode");
  }
  await ctx.tx.insert(schema.payments).values({
    id: paymentId,
    accountId: ctx.accountId,
    invoiceId,
    provider: session ? "stripe" : "manual",
    status: "pending",
    amountMinor: totalMinor,
    currency: pkg.currency,
    checkoutSessionId: session?.id ?? null,
    checkoutUrl: session?.url ?? null,
    createdBy: ctx.actor.userId,
  });
  await recordChange(ctx, {
    action: "invoice.issued",
    entityType: "invoice",
    entityId: invoiceId,
    after: invoice,
    payload: { invoiceId, paymentId, number, totalMinor, currency: pkg.currency, packageId: pkg.id },
  });
  // A 100% discount leaves nothing to collect: the invoice is paid at once.
  if (totalMinor === 0) await completePayment(ctx, { paymentId });
  return { invoiceId, paymentId, checkoutUrl: session?.url ?? null };
}

/** The provider's session; its failure (an outage, a refused request) is an expected one: the
 * buyer is told to try again, and nothing is written. */
async function checkoutSession(
  gateway: PaymentGateway,
  request: Parameters<PaymentGateway["createCheckoutSession"]>[0],
) {
  try {
    return await gateway.createCheckoutSession(request);
  } catch {
    return fail(
      "PAYMENT_PROVIDER_ERROR",
      "The payment provider is not answering. Nothing was charged: try again in a moment.",
    );
  }
}

/** The console's wallet page, where the buyer lands after paying or abandoning the checkout. */
function returnUrl(gateway: PaymentGateway, slug: string, invoiceId: string, outcome: string): string {
  const url = new URL(`/${encodeURIComponent(slug)}/wallet`, gateway.returnBaseUrl);
  url.searchParams.set("checkout", outcome);
  url.searchParams.set("invoice", invoiceId);
  return url.toString();
}
