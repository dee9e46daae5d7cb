// How close each sequence is to its end: inserts fail once a sequence, or the integer column it
// feeds, runs out.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { makeCheck } from "./grade.ts";
import type { HealthCheck, SequenceUsage } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

// Raw rows: drizzle leaves bigints as text.
interface SequenceRow {
  sequence_name: string;
  table_name: string | null;
  column_name: string | null;
  column_type: string | null;
  last_value: string | null;
  max_value: string;
}

/** Through app.health_sequences() (the application role may not read the sequences themselves);
 * its max_value is already the smaller of the sequence's and the column type's maximum. Fullest
 * first. */
export async function collectSequences(db: Executor): Promise<SequenceUsage[]> {
  const rows = await db.execute<SequenceRow>(sql`select * from app.health_sequences()`);
  return rows
    .map((r) => {
      const lastValue = r.last_value === null ? null : Number(r.last_value);
      const maxValue = Number(r.max_value);
      return {
        sequence: r.sequence_name,
        column: r.table_name && r.column_name ? `${r.table_name}.${r.column_name}` : null,
        columnType: r.column_type,
        lastValue,
        maxValue,
        usedRatio: lastValue === null || maxValue <= 0 ? 0 : Math.max(0, lastValue / maxValue),
      };
    })
    .sort((a, b) => b.usedRatio - a.usedRatio || a.sequence.localeCompare(b.sequence));
}

/** sequence_overflow: the fullest sequence. */
export function sequenceCheck(sequences: readonly SequenceUsage[], t: HealthThresholds): HealthCheck {
  const fullest = sequences.reduce<SequenceUsage | null>(
    (f, s) => (f && f.usedRatio >= s.usedRatio ? f : s),
    null,
  );
  return makeCheck({
    key: "sequence_overflow",
    label: "Sequences",
    value: fullest?.usedRatio ?? 0,
    unit: "ratio",
    direction: "above",
    threshold: t.sequenceUse,
    message: fullest
      ? `Fullest: ${fullest.sequence}${fullest.column ? ` (${fullest.column}, ${fullest.columnType})` : ""} ` +
        `at ${fullest.lastValue ?? 0} of ${fullest.maxValue} (${Math.round(fullest.usedRatio * 1000) / 10}%)`
      : "No sequence",
  });
}
