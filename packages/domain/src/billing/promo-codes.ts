// Rules shared by the two ways of using a promo code: redeeming a bonus_tokens code and applying a
// percent_off code at checkout. Checking gives the precise error; claiming is the atomic step
// that decides under concurrency.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail } from "../errors.ts";

export type PromoCode = typeof schema.promoCodes.$inferSelect;
type PromoKind = PromoCode["kind"];

const WRONG_KIND: Record<PromoKind, string> = {
  bonus_tokens: "This code gives bonus tokens: redeem it in the wallet instead.",
  percent_off: "This code is a discount: it applies at checkout, when you buy a package.",
};

/** The code, if this account may use it now for `kind`; otherwise the user error that says why. */
export async function findUsablePromoCode(
  ctx: OperationContext,
  code: string,
  kind: PromoKind,
  field: string,
): Promise<PromoCode> {
  const p = schema.promoCodes;
  const [promo] = await ctx.tx.select().from(p).where(sql`upper(${p.code}) = upper(${code})`);
  if (!promo) return fail("NOT_FOUND", "There is no such promo code.", field);
  if (promo.kind !== kind) fail("INVALID", WRONG_KIND[promo.kind], field);
  const now = Date.now();
  if (
    !promo.active ||
    (promo.validFrom && promo.validFrom.getTime() > now) ||
    (promo.validUntil && promo.validUntil.getTime() <= now)
  ) {
    fail("EXPIRED", "This promo code is not valid now.", field);
  }
  if (promo.maxRedemptions !== null && promo.redemptionCount >= promo.maxRedemptions) {
    fail("EXPIRED", "This promo code has been used up.", field);
  }
  const r = schema.promoRedemptions;
  const [used] = await ctx.tx
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.promoCodeId, promo.id), eq(r.accountId, ctx.accountId)));
  if (used) fail("ALREADY_REDEEMED", "This account has already used this promo code.", field);
  return promo;
}

/**
 * Counts one use of the code. The conditions are re-checked by the UPDATE itself: two accounts
 * racing for the last use queue on the code's row lock, and the second then finds the limit
 * reached (0 rows) instead of going over it.
 */
export async function claimPromoCode(
  ctx: OperationContext,
  promoCodeId: string,
  field: string,
): Promise<void> {
  const p = schema.promoCodes;
  const claimed = await ctx.tx
    .update(p)
    .set({ redemptionCount: sql`${p.redemptionCount} + 1` })
    .where(
      and(
        eq(p.id, promoCodeId),
        eq(p.active, true),
        sql`(${p.maxRedemptions} is null or ${p.redemptionCount} < ${p.maxRedemptions})`,
        sql`(${p.validFrom} is null or ${p.validFrom} <= now())`,
        sql`(${p.validUntil} is null or ${p.validUntil} > now())`,
      ),
    )
    .returning({ id: p.id });
  if (claimed.length === 0) fail("EXPIRED", "This promo code has been used up.", field);
}

/** Gives a use back (a checkout that was abandoned): the account may use the code again. */
export async function releasePromoRedemption(ctx: OperationContext, invoiceId: string): Promise<void> {
  const r = schema.promoRedemptions;
  const released = await ctx.tx
    .delete(r)
    .where(and(eq(r.accountId, ctx.accountId), eq(r.invoiceId, invoiceId)))
    .returning({ promoCodeId: r.promoCodeId });
  for (const { promoCodeId } of released) {
    const p = schema.promoCodes;
    await ctx.tx
      .update(p)
      .set({ redemptionCount: sql`greatest(${p.redemptionCount} - 1, 0)` })
      .where(eq(p.id, promoCodeId));
  }
}

/** A code as typed by a buyer: codes are compared upper-case. */
export const PromoCodeText = z.string().trim().toUpperCase().min(1, "Enter a promo code.").max(40);
