import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

/** Keeps monthly partitions of the append-only tables for this month and the next `months`. */
export async function maintainPartitions(db: Executor, months = 3): Promise<number> {
  const [row] = await db.execute<{ created: number }>(
    sql`select app.ensure_monthly_partitions('domain_events', ${months}) as created`,
  );
  return Number(row?.created ?? 0);
}
