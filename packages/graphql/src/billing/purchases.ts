// Buying tokens: invoices and their payments, the purchase itself, promo-code redemption, and the
// platform admin's queue of manual payments to confirm.
//
// Invoices and payments are financial documents: they need billing:manage (owners, admins and
// the billing role), not wallet:read, which members and viewers hold to see the balance. A
// platform admin reads them too, in the accounts it entered to confirm a payment (RLS still
// decides which rows exist for the request).
import { schema, type Transaction } from "@markettina/db";
import {
  confirmManualPayment,
  formatInvoiceNumber,
  listPendingManualPayments,
  type PendingManualPayment,
  purchaseTokenPackage,
  redeemPromoCode,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { and, count, eq } from "drizzle-orm";
import { builder } from "../builder.ts";
import { allows, currentAccountId, type GraphQLContext } from "../context.ts";
import { namedConnection } from "../platform/connections.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { isPlatformAdminRequest, runPlatformMutation } from "../platform/platform-admin.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { TokenPackageRef } from "./catalog.ts";

const upper = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as {
    [K in T[number] as Uppercase<K>]: { value: K };
  };

const InvoiceStatusEnum = builder.enumType("InvoiceStatus", {
  values: upper(["draft", "open", "paid", "void"] as const),
});
const PaymentProviderEnum = builder.enumType("PaymentProvider", {
  values: upper(["stripe", "manual"] as const),
});
const PaymentStatusEnum = builder.enumType("PaymentStatus", {
  values: upper(["pending", "succeeded", "failed", "canceled"] as const),
});

const canReadBilling = async (ctx: GraphQLContext) =>
  allows(ctx, "billing:manage") || (await isPlatformAdminRequest(ctx));

export const InvoiceRef = builder.drizzleNode("invoices", {
  name: "Invoice",
  id: { column: (i) => i.id },
  authScopes: (_invoice, ctx) => canReadBilling(ctx),
  select: { columns: { id: true } },
  fields: (t) => ({
    number: t.expose("number", { type: "SafeInt" }),
    formattedNumber: t.string({
      description: "As printed: MK-000042.",
      select: { columns: { number: true } },
      resolve: (i) => formatInvoiceNumber(i.number),
    }),
    status: t.expose("status", { type: InvoiceStatusEnum }),
    currency: t.exposeString("currency"),
    subtotalMinor: t.exposeInt("subtotalMinor"),
    discountMinor: t.exposeInt("discountMinor"),
    taxMinor: t.exposeInt("taxMinor"),
    totalMinor: t.exposeInt("totalMinor"),
    billedName: t.exposeString("billedName"),
    issuedAt: t.expose("issuedAt", { type: "DateTime" }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    voidedAt: t.expose("voidedAt", { type: "DateTime", nullable: true }),
    items: t.relation("items", { query: { orderBy: { createdAt: "asc", id: "asc" } } }),
    payments: t.relation("payments", { query: { orderBy: { createdAt: "asc", id: "asc" } } }),
  }),
});

builder.drizzleObject("invoiceItems", {
  name: "InvoiceItem",
  select: { columns: { id: true } },
  fields: (t) => ({
    description: t.exposeString("description"),
    quantity: t.exposeInt("quantity"),
    unitPriceMinor: t.exposeInt("unitPriceMinor"),
    amountMinor: t.exposeInt("amountMinor"),
    tokens: t.expose("tokens", { type: "SafeInt" }),
    bonusTokens: t.expose("bonusTokens", { type: "SafeInt" }),
    package: t.relation("package", { type: TokenPackageRef, nullable: true }),
  }),
});

export const PaymentRef = builder.drizzleNode("payments", {
  name: "Payment",
  id: { column: (p) => p.id },
  authScopes: (_payment, ctx) => canReadBilling(ctx),
  select: { columns: { id: true } },
  fields: (t) => ({
    provider: t.expose("provider", { type: PaymentProviderEnum }),
    status: t.expose("status", {
      type: PaymentStatusEnum,
      description: "A pending manual payment awaits confirmation by a platform admin.",
    }),
    amountMinor: t.exposeInt("amountMinor"),
    currency: t.exposeString("currency"),
    checkoutUrl: t.exposeString("checkoutUrl", { nullable: true, description: "Stripe Checkout, to pay." }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    invoice: t.relation("invoice"),
  }),
});

const PendingManualPaymentRef = builder.objectRef<PendingManualPayment>("PendingManualPayment").implement({
  description: "A manual payment waiting for a platform admin to confirm that the money arrived.",
  fields: (t) => ({
    paymentId: t.id({ resolve: (p) => encodeGlobalID("Payment", p.paymentId) }),
    accountId: t.id({ resolve: (p) => encodeGlobalID("Account", p.accountId) }),
    accountName: t.exposeString("accountName"),
    invoiceNumber: t.field({ type: "SafeInt", resolve: (p) => p.invoiceNumber }),
    formattedInvoiceNumber: t.string({ resolve: (p) => formatInvoiceNumber(p.invoiceNumber) }),
    amountMinor: t.exposeInt("amountMinor"),
    currency: t.exposeString("currency"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const InvoiceConnection = namedConnection(InvoiceRef, "Invoice");

builder.queryFields((t) => ({
  invoices: t.drizzleConnection(
    {
      type: "invoices",
      description: "The current account's invoices, newest first.",
      authScopes: { permission: "billing:manage" },
      totalCount: async (_root, _args, ctx) => {
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(schema.invoices)
          .where(eq(schema.invoices.accountId, currentAccountId(ctx)));
        return row?.n ?? 0;
      },
      resolve: (query, _root, _args, ctx) =>
        runPlanned(
          ctx.tx.query.invoices.findMany(
            query({ where: { accountId: currentAccountId(ctx) }, orderBy: { issuedAt: "desc", id: "desc" } }),
          ),
          "invoices",
        ),
    },
    InvoiceConnection,
  ),

  invoice: t.drizzleField({
    type: InvoiceRef,
    nullable: true,
    authScopes: { permission: "billing:manage" },
    args: { id: t.arg.globalID({ required: true, for: InvoiceRef }) },
    resolve: async (query, _root, args, ctx) =>
      (await runPlanned(
        ctx.tx.query.invoices.findFirst(
          query({ where: { id: args.id.id, accountId: currentAccountId(ctx) } }),
        ),
        "invoice",
      )) ?? null,
  }),

  pendingManualPayments: t.field({
    type: [PendingManualPaymentRef],
    description: "Manual payments awaiting confirmation, oldest first, in every account (platform admins).",
    authScopes: (_root, _args, ctx) => isPlatformAdminRequest(ctx),
    resolve: (_root, _args, ctx) =>
      listPendingManualPayments({
        tx: ctx.tx,
        actor: ctx.actor,
        scope: ctx.access?.scope ?? { accountId: null, accountIds: [], userId: null, apiKeyId: null },
      }),
  }),
}));

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
