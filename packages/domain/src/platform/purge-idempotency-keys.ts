import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

/** Deletes expired idempotency keys across all accounts, in batches to keep locks short. */
export async function purgeIdempotencyKeys(db: Executor, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.execute<{ n: number }>(
      sql`select app.purge_expired_idempotency_keys(${batch}) as n`,
    );
    const n = Number(row?.n ?? 0);
    total += n;
    if (n < batch) return total;
  }
}
