// Wallet fixtures, written as the migration owner: past row-level security and the ledger's
// append-only grants, the way no application code can.
import { randomUUID } from "node:crypto";
import type postgres from "postgres";

/** Brings a wallet to exactly `balance` with nothing reserved (an adjustment entry). */
export async function setWalletBalance(
  owner: postgres.Sql,
  accountId: string,
  balance: number,
): Promise<void> {
  await owner`update token_reservations set status = 'released' where account_id = ${accountId} and status = 'held'`;
  await owner`update token_wallets set reserved = 0 where account_id = ${accountId}`;
  const [w] = await owner<
    { balance: string }[]
  >`select balance from token_wallets where account_id = ${accountId}`;
  const delta = balance - Number(w!.balance);
  if (delta !== 0) {
    await owner`insert into token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after, description)
      values (${randomUUID()}, ${accountId}, (select id from token_wallets where account_id = ${accountId}), 0,
              'adjustment', ${delta}, 0, 'test set-up')`;
  }
}

/** A wallet's balance and reserved tokens. */
export async function readWallet(
  owner: postgres.Sql,
  accountId: string,
): Promise<{ balance: number; reserved: number }> {
  const [w] = await owner<{ balance: string; reserved: string }[]>`
    select balance, reserved from token_wallets where account_id = ${accountId}`;
  return { balance: Number(w!.balance), reserved: Number(w!.reserved) };
}
