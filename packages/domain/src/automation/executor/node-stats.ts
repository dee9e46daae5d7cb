// Per-node counters, changed in the same transaction as the step that moves a contact, so the
// builder's live numbers are read from one small table instead of counted from the step log.
import { schema, type Transaction } from "@markettina/db";
import { sql } from "drizzle-orm";

const { journeyNodeStats } = schema;

export interface NodeStatDeltas {
  entered?: number;
  waiting?: number;
  completed?: number;
  errored?: number;
  converted?: number;
}

/** Adds the deltas to (journey, node), creating the row on first use. */
export async function bumpNodeStats(
  tx: Transaction,
  accountId: string,
  journeyId: string,
  nodeId: string,
  d: NodeStatDeltas,
): Promise<void> {
  const v = {
    entered: d.entered ?? 0,
    waiting: d.waiting ?? 0,
    completed: d.completed ?? 0,
    errored: d.errored ?? 0,
    converted: d.converted ?? 0,
  };
  await tx
    .insert(journeyNodeStats)
    .values({ accountId, journeyId, nodeId, ...v })
    .onConflictDoUpdate({
      target: [journeyNodeStats.accountId, journeyNodeStats.journeyId, journeyNodeStats.nodeId],
      set: {
        entered: sql`${journeyNodeStats.entered} + ${v.entered}`,
        waiting: sql`${journeyNodeStats.waiting} + ${v.waiting}`,
        completed: sql`${journeyNodeStats.completed} + ${v.completed}`,
        errored: sql`${journeyNodeStats.errored} + ${v.errored}`,
        converted: sql`${journeyNodeStats.converted} + ${v.converted}`,
        updatedAt: sql`now()`,
      },
    });
}
