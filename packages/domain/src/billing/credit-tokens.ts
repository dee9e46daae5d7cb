// Credits a wallet: a purchase, a bonus or a refund. Called by the purchase flow, promo codes and
// refunds once they have established why; the idempotency key (an invoice, a redemption, a Stripe
// event) makes the same reason credit the wallet once, however often it is retried.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { IdempotencyKey, Note, TokenAmount } from "./inputs.ts";
import { type LedgerEntry, postEntry, walletOf } from "./ledger.ts";

export const CreditTokensInput = z
  .object({
    accountId: z.uuid(),
    type: z.enum(["purchase", "bonus", "refund"]),
    amount: TokenAmount,
    description: Note,
    referenceType: z.string().max(40).optional(),
    referenceId: z.uuid().optional(),
    idempotencyKey: IdempotencyKey,
    /** Bonus tokens may expire; what is left of them then leaves the wallet (expire-tokens.ts). */
    expiresAt: z.date().optional(),
  })
  .refine((c) => c.expiresAt === undefined || c.type === "bonus", {
    path: ["expiresAt"],
    message: "Only bonus tokens expire.",
  });
export type CreditTokensInput = z.input<typeof CreditTokensInput>;

/** How long bonus tokens (promo codes, package bonuses) stay spendable. */
export const BONUS_TOKEN_LIFETIME_DAYS = 90;

export const bonusExpiry = (from = new Date()): Date =>
  new Date(from.getTime() + BONUS_TOKEN_LIFETIME_DAYS * 86_400_000);

export async function creditTokens(ctx: OperationContext, raw: CreditTokensInput): Promise<LedgerEntry> {
  const input = parseInput(CreditTokensInput, raw);
  const wallet = await walletOf(ctx, input.accountId);
  const entry = await postEntry(ctx, wallet, {
    type: input.type,
    amount: input.amount,
    description: input.description,
    referenceType: input.referenceType ?? null,
    referenceId: input.referenceId ?? null,
    idempotencyKey: input.idempotencyKey,
    expiresAt: input.expiresAt ?? null,
  });
  await recordChange(ctx, {
    action: `wallet.credited`,
    entityType: "token_transaction",
    entityId: entry.id,
    accountId: input.accountId,
    after: entry,
  });
  return entry;
}
