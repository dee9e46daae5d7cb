// Purchase mutations: buy a package (invoice + payment; Stripe Checkout or a manual payment),
// confirm a manual payment (platform admins), redeem a promo code.
import { schema, type Transaction } from "@markettina/db";
import { confirmManualPayment, purchaseTokenPackage, redeemPromoCode } from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { and, eq } from "drizzle-orm";
import { builder } from "../builder.ts";
import { runPlatformMutation } from "../platform/platform-admin.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { TokenPackageRef } from "./catalog.ts";
import { InvoiceRef, PaymentRef } from "./purchases.ts";
import { transactionOf } from "./wallet-payloads.ts";
import { TokenTransactionRef } from "./wallet-types.ts";

type InvoiceRow = typeof schema.invoices.$inferSelect;
type PaymentRow = typeof schema.payments.$inferSelect;

/** The rows an operation named, read back in its own transaction for the payload. */
async function loadInvoiceAndPayment(tx: Transaction, ids: { invoiceId: string; paymentId: string }) {
  const [invoice] = await tx.select().from(schema.invoices).where(eq(schema.invoices.id, ids.invoiceId));
  const [payment] = await tx
    .select()
    .from(schema.payments)
    .where(and(eq(schema.payments.id, ids.paymentId), eq(schema.payments.invoiceId, ids.invoiceId)));
  return { invoice: invoice ?? null, payment: payment ?? null };
}

const PurchaseTokenPackagePayload = builder
  .objectRef<
    MutationResult<{ invoice: InvoiceRow | null; payment: PaymentRow | null; checkoutUrl: string | null }>
  >("PurchaseTokenPackagePayload")
  .implement({
    fields: (t) => ({
      invoice: t.field({ type: InvoiceRef, nullable: true, resolve: (p) => p.invoice }),
      payment: t.field({ type: PaymentRef, nullable: true, resolve: (p) => p.payment }),
      checkoutUrl: t.string({
        nullable: true,
        description: "Send the buyer here to pay (Stripe). Null: a platform admin confirms the payment.",
        resolve: (p) => p.checkoutUrl,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const ConfirmManualPaymentPayload = builder
  .objectRef<MutationResult<{ invoice: InvoiceRow | null; payment: PaymentRow | null }>>(
    "ConfirmManualPaymentPayload",
  )
  .implement({
    fields: (t) => ({
      payment: t.field({ type: PaymentRef, nullable: true, resolve: (p) => p.payment }),
      invoice: t.field({ type: InvoiceRef, nullable: true, resolve: (p) => p.invoice }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const RedeemPromoCodePayload = builder
  .objectRef<MutationResult<{ transactionId: string | null; bonusTokens: number | null }>>(
    "RedeemPromoCodePayload",
  )
  .implement({
    fields: (t) => ({
      transactionId: t.id({
        nullable: true,
        description: "The bonus entry in the wallet's ledger (a TokenTransaction).",
        resolve: (p) => (p.transactionId ? encodeGlobalID("TokenTransaction", p.transactionId) : null),
      }),
      transaction: t.drizzleField({
        type: TokenTransactionRef,
        nullable: true,
        description: "The bonus entry itself.",
        resolve: transactionOf((p) => p.transactionId),
      }),
      bonusTokens: t.field({ type: "SafeInt", nullable: true, resolve: (p) => p.bonusTokens }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  purchaseTokenPackage: t.fieldWithInput({
    type: PurchaseTokenPackagePayload,
    description: "Issues an invoice for a package. Tokens are credited when the payment completes.",
    authScopes: { authenticated: true },
    input: {
      packageId: t.input.globalID({ required: true, for: TokenPackageRef }),
      promoCode: t.input.string({ description: "A percent-off code." }),
      idempotencyKey: t.input.string({
        required: true,
        description: "Retry with the same key: one invoice.",
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const purchase = await purchaseTokenPackage(
            op,
            {
              packageId: input.packageId.id,
              promoCode: input.promoCode?.trim() || undefined,
              idempotencyKey: input.idempotencyKey,
            },
            ctx.paymentGateway,
          );
          return { ...(await loadInvoiceAndPayment(op.tx, purchase)), checkoutUrl: purchase.checkoutUrl };
        },
        { invoice: null, payment: null, checkoutUrl: null },
      ),
  }),

  confirmManualPayment: t.fieldWithInput({
    type: ConfirmManualPaymentPayload,
    description:
      "A platform admin confirms that a manual payment arrived: the invoice is paid, tokens credited.",
    authScopes: { authenticated: true },
    input: {
      paymentId: t.input.globalID({ required: true, for: PaymentRef }),
      note: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => {
          const done = await confirmManualPayment(platform, {
            paymentId: input.paymentId.id,
            note: input.note ?? undefined,
          });
          return loadInvoiceAndPayment(platform.tx, done);
        },
        { invoice: null, payment: null },
      ),
  }),

  redeemPromoCode: t.fieldWithInput({
    type: RedeemPromoCodePayload,
    description: "Redeems a bonus-tokens code: the bonus lands in the wallet at once.",
    authScopes: { authenticated: true },
    input: {
      code: t.input.string({ required: true }),
      idempotencyKey: t.input.string({ required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const { transactionId, bonusTokens } = await redeemPromoCode(op, input);
          return { transactionId, bonusTokens };
        },
        { transactionId: null, bonusTokens: null },
      ),
  }),
}));
