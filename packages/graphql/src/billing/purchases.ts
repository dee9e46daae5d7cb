// Buying tokens: invoices and their payments, the purchase itself, promo-code redemption, and the
// platform admin's queue of manual payments to confirm.
//
// Invoices and payments are financial documents: they need invoices:read (owners, admins, the
// billing role, keys with billing:read or billing:write), not wallet:read, which members and
// viewers hold to see the balance. A
// platform admin reads them too, in the accounts it entered to confirm a payment (RLS still
// decides which rows exist for the request).
import { schema } from "@markettina/db";
import {
  formatInvoiceNumber,
  listPendingManualPayments,
  type PendingManualPayment,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { count, eq } from "drizzle-orm";
import { builder } from "../builder.ts";
import { allows, currentAccountId, type GraphQLContext } from "../context.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { isPlatformAdminRequest } from "../platform/platform-admin.ts";
import { TokenPackageRef } from "./catalog.ts";

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
  allows(ctx, "invoices:read") || (await isPlatformAdminRequest(ctx));

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
    promoCode: t.string({
      nullable: true,
      description: "The promo code whose discount the invoice applies.",
      select: { with: { promoCode: { columns: { code: true } } } },
      resolve: (i) => i.promoCode?.code ?? null,
    }),
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
      authScopes: { permission: "invoices:read" },
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
    authScopes: { permission: "invoices:read" },
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
