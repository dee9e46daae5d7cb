// Every transition of an instance appends one workflow_events row and bumps the instance's version
// to that event's version, in the transition's transaction. The caller holds the instance row lock
// (engine-rows.ts lockInstance), so versions are strictly increasing with no gaps; the version is
// also the optimistic lock callers pass back to cancel and retry. Every `snapshotEvery` events the
// instance, its steps and variables are copied to workflow_snapshots.
import { schema, type Transaction } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { type InstanceRow, loadSteps } from "./engine-rows.ts";

export const DEFAULT_SNAPSHOT_EVERY = 20;

export interface WorkflowEvent {
  type: string;
  stepId?: string | null;
  data?: Record<string, unknown>;
  actor: string;
  at: Date;
}

export type InstancePatch = Partial<
  Pick<
    InstanceRow,
    "status" | "result" | "error" | "progress" | "completedAt" | "estimatedCompletionAt" | "startedAt"
  >
>;

/** Appends `event` (with `patch` applied to the instance in the same statement); the new row. */
export async function appendEvent(
  tx: Transaction,
  instance: InstanceRow,
  event: WorkflowEvent,
  deps: WorkflowEngineDeps,
  patch: InstancePatch = {},
): Promise<InstanceRow> {
  const i = schema.workflowInstances;
  const [row] = await tx
    .update(i)
    .set({ ...patch, version: sql`${i.version} + 1`, updatedAt: event.at })
    .where(and(eq(i.accountId, instance.accountId), eq(i.id, instance.id)))
    .returning();
  const after = row!;
  await tx.insert(schema.workflowEvents).values({
    accountId: after.accountId,
    instanceId: after.id,
    version: after.version,
    type: event.type,
    stepId: event.stepId ?? null,
    data: event.data ?? {},
    actor: event.actor,
    occurredAt: event.at,
  });
  const every = deps.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
  if (every > 0 && after.version % every === 0) await takeSnapshot(tx, after);
  return after;
}

async function takeSnapshot(tx: Transaction, instance: InstanceRow): Promise<void> {
  const v = schema.workflowVariables;
  const [steps, variables] = [
    await loadSteps(tx, instance),
    await tx
      .select({ name: v.name, type: v.type, value: v.value, updatedByStep: v.updatedByStep })
      .from(v)
      .where(and(eq(v.accountId, instance.accountId), eq(v.instanceId, instance.id))),
  ];
  await tx
    .insert(schema.workflowSnapshots)
    .values({
      accountId: instance.accountId,
      instanceId: instance.id,
      version: instance.version,
      data: JSON.parse(JSON.stringify({ instance, steps, variables })) as Record<string, unknown>,
    })
    .onConflictDoNothing();
}
