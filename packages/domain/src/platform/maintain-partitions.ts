import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

/** The append-only tables partitioned by month. */
const PARTITIONED = ["domain_events", "marketing_events"] as const;

/** Keeps monthly partitions of the append-only tables for this month and the next `months`. */
export async function maintainPartitions(db: Executor, months = 3): Promise<number> {
  let created = 0;
  for (const table of PARTITIONED) {
    const [row] = await db.execute<{ created: number }>(
      sql`select app.ensure_monthly_partitions(${table}::regclass, ${months}) as created`,
    );
    created += Number(row?.created ?? 0);
  }
  return created;
}
