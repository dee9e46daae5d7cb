// A platform admin corrects a wallet (a goodwill credit, a chargeback) with a signed amount and a
// reason. The ledger is append-only: a correction is a new `adjustment` entry, never an edit.
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { enterAccountAsPlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordChange } from "../platform/record-change.ts";
import { runIdempotent } from "../platform/run-idempotent.ts";
import { IdempotencyKey } from "./inputs.ts";
import { postEntry, walletOf } from "./ledger.ts";

export const AdjustWalletInput = z.object({
  accountId: z.uuid(),
  amount: z
    .number()
    .int("Enter a whole number of tokens.")
    .refine((n) => n !== 0, "The amount cannot be zero.")
    .refine((n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER, "The amount is too large."),
  reason: z.string().trim().min(3, "Say why the wallet is adjusted.").max(500),
  idempotencyKey: IdempotencyKey,
});
export type AdjustWalletInput = z.input<typeof AdjustWalletInput>;

export async function adjustWallet(
  platform: PlatformContext,
  raw: AdjustWalletInput,
): Promise<{ entryId: string }> {
  const input = parseInput(AdjustWalletInput, raw);
  const ctx = await enterAccountAsPlatformAdmin(platform, input.accountId);
  const { idempotencyKey, ...rest } = input;
  return runIdempotent(ctx, { operation: "adjustWallet", key: idempotencyKey, input: rest }, async () => {
    const wallet = await walletOf(ctx, input.accountId, true);
    if (input.amount < 0 && wallet.balance - wallet.reserved < -input.amount) {
      fail("INSUFFICIENT_TOKENS", "The wallet does not hold that many unreserved tokens.", "amount");
    }
    const entry = await postEntry(ctx, wallet, {
      type: "adjustment",
      amount: input.amount,
      description: input.reason,
      idempotencyKey: `adjust:${idempotencyKey}`,
    });
    await recordChange(ctx, {
      action: "wallet.adjusted",
      entityType: "token_transaction",
      entityId: entry.id,
      after: entry,
    });
    return { entryId: entry.id };
  });
}
