// Credits a wallet: a purchase, a bonus or a refund. Called by the purchase flow, promo codes and
// refunds once they have established why; the idempotency key (an invoice, a redemption, a Stripe
// event) makes the same reason credit the wallet once, however often it is retried.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { IdempotencyKey, Note, TokenAmount } from "./inputs.ts";
import { type LedgerEntry, postEntry, walletOf } from "./ledger.ts";

export const CreditTokensInput = z.object({
  accountId: z.uuid(),
  type: z.enum(["purchase", "bonus", "refund"]),
  amount: TokenAmount,
  description: Note,
  referenceType: z.string().max(40).optional(),
  referenceId: z.uuid().optional(),
  idempotencyKey: IdempotencyKey,
});
export type CreditTokensInput = z.input<typeof CreditTokensInput>;

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
