// Appending to the ledger. The insert is all the application does: the trigger
// app.apply_ledger_entry locks the wallet, skips a key the wallet already has, moves the balance,
// and stamps seq and balance_after (drizzle/…_billing_ledger).
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { checkViolation, fail } from "../errors.ts";

export type LedgerEntry = typeof schema.tokenTransactions.$inferSelect;
export type NewLedgerEntry = Omit<
  typeof schema.tokenTransactions.$inferInsert,
  "id" | "seq" | "balanceAfter" | "accountId" | "walletId" | "actorUserId" | "actorApiKeyId" | "requestId"
>;

export interface Wallet {
  id: string;
  accountId: string;
  balance: number;
  reserved: number;
}

/** The account's wallet, locked for the rest of the transaction when `lock` is set. */
export async function walletOf(ctx: OperationContext, accountId: string, lock = false): Promise<Wallet> {
  const w = schema.tokenWallets;
  const query = ctx.tx
    .select({ id: w.id, accountId: w.accountId, balance: w.balance, reserved: w.reserved })
    .from(w)
    .where(eq(w.accountId, accountId));
  const [wallet] = await (lock ? query.for("update") : query);
  // Every account gets its wallet when it is created; none visible means not in scope.
  return wallet ?? fail("NOT_FOUND", "Wallet not found.");
}

/**
 * Appends one entry to a wallet's ledger and returns it. With an idempotency key the wallet has
 * already seen, nothing moves and the earlier entry is returned.
 */
export async function postEntry(
  ctx: OperationContext,
  wallet: Pick<Wallet, "id" | "accountId">,
  entry: NewLedgerEntry,
): Promise<LedgerEntry> {
  const t = schema.tokenTransactions;
  try {
    const [posted] = await ctx.tx
      .insert(t)
      .values({
        ...entry,
        accountId: wallet.accountId,
        walletId: wallet.id,
        seq: 0,
        balanceAfter: 0,
        actorUserId: ctx.actor.userId,
        // An API key belongs to the acting account; entries in another wallet name no key.
        actorApiKeyId: wallet.accountId === ctx.accountId ? ctx.actor.apiKeyId : null,
        requestId: ctx.actor.requestId,
      })
      .returning();
    if (posted) return posted;
  } catch (error) {
    const check = checkViolation(error);
    if (check?.startsWith("token_wallets_")) {
      fail("INSUFFICIENT_TOKENS", "Not enough tokens available in the wallet.", "amount");
    }
    throw error;
  }
  const [earlier] = await ctx.tx
    .select()
    .from(t)
    .where(and(eq(t.walletId, wallet.id), eq(t.idempotencyKey, entry.idempotencyKey!)));
  return earlier!;
}
