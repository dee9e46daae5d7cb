// Scheduled: wallets with auto-recharge on whose balance fell below the threshold get a purchase
// of their chosen package — a Stripe Checkout link with Stripe configured (Stripe cannot charge a
// card off-session without a saved payment method), else a manual payment for a platform admin
// to confirm. One purchase per fall below the threshold (auto_recharge_requested_at); each runs
// in its own transaction, in its tenant's scope.
import { type Database, schema, withTenant } from "@markettina/db";
import { sql } from "drizzle-orm";
import { type OperationContext, systemActor } from "../context.ts";
import { DomainError } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { issuePurchase } from "./purchase-token-package.ts";

export interface AutoRechargeOutcome {
  accountId: string;
  invoiceId: string | null;
  /** Why no purchase was issued (the package left the catalog, …). */
  error?: string;
}

export async function requestAutoRecharges(
  db: Database,
  gateway?: PaymentGateway,
  batch = 100,
): Promise<AutoRechargeOutcome[]> {
  const due = await db.execute<{ account_id: string; package_id: string }>(
    sql`select account_id, package_id from app.wallets_due_for_recharge(${batch})`,
  );
  const outcomes: AutoRechargeOutcome[] = [];
  for (const wallet of due) {
    const scope = {
      accountId: wallet.account_id,
      accountIds: [wallet.account_id],
      userId: null,
      apiKeyId: null,
    };
    outcomes.push(
      await withTenant(db, scope, async (tx) => {
        const ctx: OperationContext = {
          tx,
          actor: systemActor,
          accountId: wallet.account_id,
          role: null,
          scopes: null,
          scope,
        };
        const w = schema.tokenWallets;
        // Marked first, under the wallet's row lock: a second job run waits here, then finds it
        // requested. A purchase that fails is still marked, so a broken package is not retried
        // every minute; the next fall below the threshold tries again.
        const [locked] = await tx
          .update(w)
          .set({ autoRechargeRequestedAt: sql`now()` })
          .where(
            sql`${w.accountId} = ${wallet.account_id} and ${w.lowBalanceSince} is not null
                and (${w.autoRechargeRequestedAt} is null or ${w.autoRechargeRequestedAt} < ${w.lowBalanceSince})`,
          )
          .returning({ id: w.id });
        if (!locked) return { accountId: wallet.account_id, invoiceId: null };
        try {
          const purchase = await tx.transaction((savepoint) =>
            issuePurchase({ ...ctx, tx: savepoint }, { packageId: wallet.package_id }, gateway),
          );
          await recordChange(ctx, {
            action: "wallet.auto_recharge_issued",
            entityType: "wallet",
            entityId: locked.id,
            payload: {
              invoiceId: purchase.invoiceId,
              packageId: wallet.package_id,
              checkoutUrl: purchase.checkoutUrl,
            },
          });
          return { accountId: wallet.account_id, invoiceId: purchase.invoiceId };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { accountId: wallet.account_id, invoiceId: null, error: error.message };
        }
      }),
    );
  }
  return outcomes;
}
