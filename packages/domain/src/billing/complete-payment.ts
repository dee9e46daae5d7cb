// The one path from "payment confirmed" to "invoice paid" to "wallet credited", whoever confirms
// it: a platform admin (manual payments) or Stripe's webhook. Callers establish that the money
// arrived; this makes the consequences happen exactly once.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, notFound, parseInput } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { bonusExpiry, creditTokens } from "./credit-tokens.ts";
import { formatInvoiceNumber } from "./invoice-number.ts";

export const CompletePaymentInput = z.object({
  paymentId: z.uuid(),
  /** The provider event that confirmed the payment (Stripe's evt_…). */
  providerEventId: z.string().max(255).optional(),
  providerPaymentId: z.string().max(255).optional(),
});
export type CompletePaymentInput = z.input<typeof CompletePaymentInput>;

export interface CompletedPayment {
  paymentId: string;
  invoiceId: string;
}

export async function completePayment(
  ctx: OperationContext,
  raw: CompletePaymentInput,
): Promise<CompletedPayment> {
  const input = parseInput(CompletePaymentInput, raw);
  const p = schema.payments;
  // The payment's row lock serialises everything that may complete it (an admin's click, a
  // webhook delivered twice at once): the second caller waits here, then finds it succeeded.
  const [payment] = await ctx.tx.select().from(p).where(eq(p.id, input.paymentId)).for("update");
  if (!payment) return notFound("paymentId", "Payment");
  const result = { paymentId: payment.id, invoiceId: payment.invoiceId };
  if (payment.status === "succeeded") return result;
  if (payment.status !== "pending") fail("CONFLICT", `This payment was ${payment.status}.`, "paymentId");

  const now = new Date();
  await ctx.tx
    .update(p)
    .set({
      status: "succeeded",
      confirmedAt: payment.confirmedAt ?? now,
      providerEventId: input.providerEventId ?? payment.providerEventId,
      providerPaymentId: input.providerPaymentId ?? payment.providerPaymentId,
    })
    .where(eq(p.id, payment.id));
  const i = schema.invoices;
  const [invoice] = await ctx.tx
    .update(i)
    .set({ status: "paid", paidAt: now })
    .where(and(eq(i.accountId, payment.accountId), eq(i.id, payment.invoiceId), eq(i.status, "open")))
    .returning();
  if (!invoice) return fail("CONFLICT", "The invoice of this payment is no longer open.", "paymentId");

  const items = await ctx.tx
    .select({ tokens: schema.invoiceItems.tokens, bonusTokens: schema.invoiceItems.bonusTokens })
    .from(schema.invoiceItems)
    .where(
      and(
        eq(schema.invoiceItems.accountId, invoice.accountId),
        eq(schema.invoiceItems.invoiceId, invoice.id),
      ),
    );
  const tokens = items.reduce((sum, item) => sum + item.tokens, 0);
  const bonusTokens = items.reduce((sum, item) => sum + item.bonusTokens, 0);
  const number = formatInvoiceNumber(invoice.number);
  // Keyed by the invoice: however this is reached again, the ledger takes each credit once.
  if (tokens > 0) {
    await creditTokens(ctx, {
      accountId: invoice.accountId,
      type: "purchase",
      amount: tokens,
      description: `Invoice ${number}`,
      referenceType: "invoice",
      referenceId: invoice.id,
      idempotencyKey: `invoice:${invoice.id}`,
    });
  }
  if (bonusTokens > 0) {
    await creditTokens(ctx, {
      accountId: invoice.accountId,
      type: "bonus",
      amount: bonusTokens,
      description: `Bonus tokens, invoice ${number}`,
      referenceType: "invoice",
      referenceId: invoice.id,
      idempotencyKey: `invoice-bonus:${invoice.id}`,
      expiresAt: bonusExpiry(),
    });
  }
  await recordChange(ctx, {
    action: "invoice.paid",
    entityType: "invoice",
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { status: "open" },
    after: invoice,
    payload: { invoiceId: invoice.id, paymentId: payment.id, number: invoice.number, tokens, bonusTokens },
  });
  return result;
}
