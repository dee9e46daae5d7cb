// A platform admin confirms that a manual payment (a bank transfer) arrived. The payment belongs
// to a tenant the admin is not a member of: the database finds its account only for a platform
// admin (app.find_payment_for_admin), and the admin then enters that account for this
// transaction alone.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { fail, notFound, parseInput } from "../errors.ts";
import { enterAccountAsPlatformAdmin, requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordChange } from "../platform/record-change.ts";
import { type CompletedPayment, completePayment } from "./complete-payment.ts";

export const ConfirmManualPaymentInput = z.object({
  paymentId: z.uuid("Choose a payment."),
  note: z.string().trim().max(500).optional(),
});
export type ConfirmManualPaymentInput = z.input<typeof ConfirmManualPaymentInput>;

export async function confirmManualPayment(
  platform: PlatformContext,
  raw: ConfirmManualPaymentInput,
): Promise<CompletedPayment & { accountId: string }> {
  const input = parseInput(ConfirmManualPaymentInput, raw);
  // Asked first, so a non-admin learns nothing about which payment ids exist.
  await requirePlatformAdmin(platform.tx);
  const [found] = await platform.tx.execute<{ account_id: string | null }>(
    sql`select app.find_payment_for_admin(${input.paymentId}) as account_id`,
  );
  if (!found?.account_id) return notFound("paymentId", "Payment");
  const accountId = found.account_id;
  const ctx = await enterAccountAsPlatformAdmin(platform, accountId);

  const p = schema.payments;
  // Locked so that two admins confirming at once do it once: the second sees it succeeded.
  const [payment] = await ctx.tx.select().from(p).where(eq(p.id, input.paymentId)).for("update");
  if (!payment) return notFound("paymentId", "Payment");
  if (payment.provider !== "manual") {
    fail("INVALID", "This payment goes through Stripe: Stripe confirms it, not an admin.", "paymentId");
  }
  // Confirming twice is answered like the first time, with no second effect.
  if (payment.status === "succeeded")
    return { paymentId: payment.id, invoiceId: payment.invoiceId, accountId };
  if (payment.status !== "pending") fail("CONFLICT", `This payment was ${payment.status}.`, "paymentId");

  const [confirmed] = await ctx.tx
    .update(p)
    .set({ confirmedBy: ctx.actor.userId, confirmedAt: new Date(), note: input.note || null })
    .where(eq(p.id, payment.id))
    .returning();
  await recordChange(ctx, {
    action: "payment.confirmed",
    entityType: "payment",
    entityId: payment.id,
    before: payment,
    after: confirmed,
  });
  return { ...(await completePayment(ctx, { paymentId: payment.id })), accountId };
}
