// Scheduled: bonus tokens past their expiry leave their wallets as `expiry` ledger entries (the
// lots they came from say how many are left). Runs across tenants through a SECURITY DEFINER
// function; see drizzle/…_billing_token_expiry.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

export async function expireTokens(db: Executor, batch = 500): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select app.expire_tokens(${batch}) as n`);
  return row?.n ?? 0;
}
