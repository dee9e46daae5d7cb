// An account redeems a bonus_tokens promo code: the bonus lands in its wallet at once.
// (percent_off codes are applied when buying a package: purchase-token-package.ts.)
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { runIdempotent } from "../platform/run-idempotent.ts";
import { bonusExpiry, creditTokens } from "./credit-tokens.ts";
import { IdempotencyKey } from "./inputs.ts";
import { claimPromoCode, findUsablePromoCode, PromoCodeText } from "./promo-codes.ts";

export const RedeemPromoCodeInput = z.object({
  code: PromoCodeText,
  idempotencyKey: IdempotencyKey,
});
export type RedeemPromoCodeInput = z.input<typeof RedeemPromoCodeInput>;

export interface Redemption {
  redemptionId: string;
  transactionId: string;
  bonusTokens: number;
}

export async function redeemPromoCode(ctx: OperationContext, raw: RedeemPromoCodeInput): Promise<Redemption> {
  authorize(ctx, "billing:manage");
  const input = parseInput(RedeemPromoCodeInput, raw);
  const { idempotencyKey, ...request } = input;
  return runIdempotent(
    ctx,
    { operation: "redeemPromoCode", key: idempotencyKey, input: request },
    async () => {
      const promo = await findUsablePromoCode(ctx, input.code, "bonus_tokens", "code");
      // Once per account: the unique (promo_code_id, account_id), not the check above, decides
      // between concurrent redemptions; the second waits for the first and then finds its row.
      const r = schema.promoRedemptions;
      const [redemption] = await ctx.tx
        .insert(r)
        .values({ accountId: ctx.accountId, promoCodeId: promo.id, createdBy: ctx.actor.userId })
        .onConflictDoNothing({ target: [r.promoCodeId, r.accountId] })
        .returning({ id: r.id });
      if (!redemption)
        return fail("ALREADY_REDEEMED", "This account has already used this promo code.", "code");
      await claimPromoCode(ctx, promo.id, "code");
      // Keyed by the redemption: the bonus is credited once per redemption, whatever retries.
      const entry = await creditTokens(ctx, {
        accountId: ctx.accountId,
        type: "bonus",
        amount: promo.bonusTokens!,
        description: `Promo code ${promo.code}`,
        referenceType: "promo_redemption",
        referenceId: redemption.id,
        idempotencyKey: `promo:${redemption.id}`,
        expiresAt: bonusExpiry(),
      });
      await ctx.tx.update(r).set({ transactionId: entry.id }).where(eq(r.id, redemption.id));
      await recordChange(ctx, {
        action: "promo_code.redeemed",
        entityType: "promo_redemption",
        entityId: redemption.id,
        payload: {
          promoCodeId: promo.id,
          code: promo.code,
          bonusTokens: promo.bonusTokens,
          transactionId: entry.id,
        },
      });
      return { redemptionId: redemption.id, transactionId: entry.id, bonusTokens: entry.amount };
    },
  );
}
