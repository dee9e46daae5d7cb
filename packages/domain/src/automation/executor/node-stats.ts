// Per-node counters, changed in the same transaction as the step that moves a contact, so the
// builder's live numbers are read from one small table instead of counted from the step log.
import { schema, type Transaction } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";

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

/**
 * Adds the deltas of several nodes of one journey, one statement per node, one after the other in
 * node id order (awaited in turn: the order the locks are taken is the point). Every step
 * transaction takes these hot, shared row locks in the same order, so two executions of a journey
 * can wait on each other but never deadlock. Run it last in the step's transaction, so the locks
 * are held only until the commit. A node whose deltas include a decrement (waiting −1 when a wait
 * ends) is a plain UPDATE: its row exists (the wait's +1 created it), and an INSERT … ON CONFLICT
 * would check the proposed row, negative count and all, against the non-negative constraint.
 */
export async function bumpManyNodeStats(
  tx: Transaction,
  accountId: string,
  journeyId: string,
  deltas: ReadonlyMap<string, NodeStatDeltas>,
): Promise<void> {
  const t = journeyNodeStats;
  for (const nodeId of [...deltas.keys()].sort()) {
    const d = deltas.get(nodeId)!;
    const values = Object.values(d).filter((n): n is number => typeof n === "number" && n !== 0);
    if (values.length === 0) continue;
    if (values.every((n) => n > 0)) {
      await bumpNodeStats(tx, accountId, journeyId, nodeId, d);
      continue;
    }
    await tx
      .update(t)
      .set({
        entered: sql`${t.entered} + ${d.entered ?? 0}`,
        waiting: sql`${t.waiting} + ${d.waiting ?? 0}`,
        completed: sql`${t.completed} + ${d.completed ?? 0}`,
        errored: sql`${t.errored} + ${d.errored ?? 0}`,
        converted: sql`${t.converted} + ${d.converted ?? 0}`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(t.accountId, accountId), eq(t.journeyId, journeyId), eq(t.nodeId, nodeId)));
  }
}
