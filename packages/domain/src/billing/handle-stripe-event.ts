// Stripe's webhook, after the API verified its signature: a paid checkout completes its payment
// (and so credits the wallet), an expired or failed one voids its invoice. Stripe delivers an
// event at least once, sometimes many times and concurrently; each event counts once.
import { applyScope, type Database, emptyScope, schema, type TenantScope, withTenant } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type OperationContext, systemActor } from "../context.ts";
import { DomainError } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { completePayment } from "./complete-payment.ts";
import { releasePromoRedemption } from "./promo-codes.ts";

/** The parts of a (verified) Stripe event this reads; the SDK's Stripe.Event fits it. */
export interface StripeEvent {
  id: string;
  type: string;
  data: { object: unknown };
}

export type StripeEventOutcome =
  | "duplicate"
  | "ignored"
  | "unknown_checkout"
  | "completed"
  | "canceled"
  | "failed"
  | "rejected";

const CheckoutSession = z.object({
  id: z.string(),
  payment_status: z.string().optional(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});

const ACTIONS: Record<string, "complete" | "canceled" | "failed"> = {
  "checkout.session.completed": "complete",
  "checkout.session.async_payment_succeeded": "complete",
  "checkout.session.expired": "canceled",
  "checkout.session.async_payment_failed": "failed",
};

export async function handleStripeEvent(
  db: Database,
  event: StripeEvent,
  options: { requestId?: string } = {},
): Promise<StripeEventOutcome> {
  const requestId = options.requestId ?? null;
  return withTenant(db, { ...emptyScope, requestId: requestId ?? undefined }, async (tx) => {
    // The primary key makes each event count once. A concurrent delivery of the same event waits
    // on the key until the first transaction ends, then finds it taken (or, had the first rolled
    // back, takes it and does the work itself).
    const recorded = await tx
      .insert(schema.stripeEvents)
      .values({ eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ eventId: schema.stripeEvents.eventId });
    if (recorded.length === 0) return "duplicate";
    const action = ACTIONS[event.type];
    const session = CheckoutSession.safeParse(event.data.object);
    // Other event types are recorded and ignored, as is a checkout paid by a delayed method
    // (payment_status "unpaid"): its async_payment_succeeded event completes it later.
    if (!action || !session.success) return "ignored";
    if (event.type === "checkout.session.completed" && session.data.payment_status !== "paid")
      return "ignored";

    // The webhook comes without a tenant: the checkout session names its account.
    const [found] = await tx.execute<{ account_id: string | null }>(
      sql`select app.find_checkout_account(${session.data.id}) as account_id`,
    );
    // A session this installation did not create (or whose purchase rolled back).
    if (!found?.account_id) return "unknown_checkout";
    const scope: TenantScope = {
      accountId: found.account_id,
      accountIds: [found.account_id],
      userId: null,
      apiKeyId: null,
      requestId: requestId ?? undefined,
    };
    await applyScope(tx, scope);
    const ctx: OperationContext = {
      tx,
      actor: { ...systemActor, requestId },
      accountId: found.account_id,
      role: null,
      scopes: null,
      scope,
    };
    const [payment] = await tx
      .select({ id: schema.payments.id })
      .from(schema.payments)
      .where(eq(schema.payments.checkoutSessionId, session.data.id));
    if (!payment) return "unknown_checkout";
    const intent = session.data.payment_intent;
    try {
      // In a savepoint: a refused event (a payment already canceled) stays recorded, so Stripe's
      // retries of it are no-ops too, and leaves nothing half-done.
      return await tx.transaction(async (savepoint) => {
        const op = { ...ctx, tx: savepoint };
        if (action !== "complete") return closeCheckout(op, payment.id, action);
        await completePayment(op, {
          paymentId: payment.id,
          providerEventId: event.id,
          providerPaymentId: typeof intent === "string" ? intent : intent?.id,
        });
        return "completed";
      });
    } catch (error) {
      if (error instanceof DomainError) return "rejected";
      throw error;
    }
  });
}

/** An abandoned or failed checkout: its payment ends, its invoice is void, its promo code freed. */
async function closeCheckout(
  ctx: OperationContext,
  paymentId: string,
  status: "canceled" | "failed",
): Promise<"canceled" | "failed"> {
  const p = schema.payments;
  // Locked against a completion racing it; a payment that already succeeded stays paid.
  const [payment] = await ctx.tx.select().from(p).where(eq(p.id, paymentId)).for("update");
  if (payment?.status !== "pending") return status;
  await ctx.tx.update(p).set({ status }).where(eq(p.id, paymentId));
  const i = schema.invoices;
  const [invoice] = await ctx.tx
    .update(i)
    .set({ status: "void", voidedAt: new Date() })
    .where(
      sql`${i.accountId} = ${payment.accountId} and ${i.id} = ${payment.invoiceId} and ${i.status} = 'open'`,
    )
    .returning();
  await releasePromoRedemption(ctx, payment.invoiceId);
  await recordChange(ctx, {
    action: "invoice.voided",
    entityType: "invoice",
    entityId: payment.invoiceId,
    before: { status: "open" },
    after: invoice,
    payload: { invoiceId: payment.invoiceId, paymentId, reason: `checkout ${status}` },
  });
  return status;
}
