// Transaction-ID wraparound: PostgreSQL stops accepting writes when the oldest unfrozen transaction
// of a database gets near 2^31 transactions old; autovacuum freezes rows long before that unless
// something (a long transaction, a stuck replication slot) holds it back.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { formatPercent } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import type { HealthCheck } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

const WRAPAROUND_AGE = 2 ** 31;

/** age(datfrozenxid) of this database. */
export async function collectTransactionIdAge(db: Executor): Promise<number> {
  const [row] = await db.execute<{ age: number }>(
    sql`select age(d.datfrozenxid) as age from pg_database d where d.datname = current_database()`,
  );
  return Number(row?.age ?? 0);
}

/** transaction_id_wraparound. */
export function wraparoundCheck(transactionIdAge: number, t: HealthThresholds): HealthCheck {
  const used = transactionIdAge / WRAPAROUND_AGE;
  return makeCheck({
    key: "transaction_id_wraparound",
    label: "Transaction ID wraparound",
    value: used,
    unit: "ratio",
    direction: "above",
    threshold: t.transactionIdWraparound,
    message: `The oldest unfrozen transaction is ${transactionIdAge.toLocaleString("en")} transactions old (${formatPercent(used)} of the way to wraparound).`,
  });
}
