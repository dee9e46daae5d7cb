// Rows, contexts and look-ups the engine's files share: the locked instance and step, the parsed
// definition of an instance, the scope expressions see, and who an event is attributed to.
import { hostname } from "node:os";
import { type Database, schema, type TenantScope, type Transaction, withTenant } from "@markettina/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type OperationContext, systemActor } from "../../context.ts";
import { WorkflowDefinition, type WorkflowStep } from "../definition.ts";
import type { StepRun, WorkflowEngineDeps } from "./engine-ports.ts";

export type InstanceRow = typeof schema.workflowInstances.$inferSelect;
export type StepRow = typeof schema.workflowSteps.$inferSelect;
export type InstanceStatus = InstanceRow["status"];

/** Runs `fn` in one transaction of the account's tenant scope, as the system (the worker). */
export function inTenant<T>(
  db: Database,
  accountId: string,
  fn: (ctx: OperationContext) => Promise<T>,
): Promise<T> {
  const scope: TenantScope = { accountId, accountIds: [accountId], userId: null, apiKeyId: null };
  return withTenant(db, scope, (tx) =>
    fn({
      tx,
      actor: systemActor,
      accountId,
      role: null,
      scopes: null,
      scope,
      detached: (f) => withTenant(db, scope, f),
    }),
  );
}

/** The event's actor: user:<id>, api_key:<id>, or worker (jobs and the sweeper). */
export function actorOf(ctx: OperationContext): string {
  if (ctx.actor.userId) return `user:${ctx.actor.userId}`;
  if (ctx.actor.apiKeyId) return `api_key:${ctx.actor.apiKeyId}`;
  return "worker";
}

/** The system acts for the engine itself (a child workflow started by a step); people are checked. */
export const isSystem = (ctx: OperationContext) => ctx.actor.userId === null && ctx.actor.apiKeyId === null;

export const clockOf = (deps: WorkflowEngineDeps) => deps.clock?.() ?? new Date();
export const workerOf = (deps: WorkflowEngineDeps) => deps.workerName ?? `${hostname()}:${process.pid}`;

/**
 * Locks the instance row. Every transition of an instance locks it FIRST (then its step rows): the
 * lock serialises transitions, which is what makes event versions strictly increasing without gaps.
 */
export async function lockInstance(
  tx: Transaction,
  accountId: string,
  id: string,
): Promise<InstanceRow | null> {
  const i = schema.workflowInstances;
  const [row] = await tx
    .select()
    .from(i)
    .where(and(eq(i.accountId, accountId), eq(i.id, id)))
    .for("update");
  return row ?? null;
}

export async function lockStep(
  tx: Transaction,
  instance: InstanceRow,
  by: { rowId: string } | { stepId: string },
): Promise<StepRow | null> {
  const s = schema.workflowSteps;
  const [row] = await tx
    .select()
    .from(s)
    .where(
      and(
        eq(s.accountId, instance.accountId),
        eq(s.instanceId, instance.id),
        "rowId" in by ? eq(s.id, by.rowId) : eq(s.stepId, by.stepId),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function loadSteps(tx: Transaction, instance: InstanceRow): Promise<StepRow[]> {
  const s = schema.workflowSteps;
  return tx
    .select()
    .from(s)
    .where(and(eq(s.accountId, instance.accountId), eq(s.instanceId, instance.id)))
    .orderBy(asc(s.executionOrder));
}

// Only drafts change, and instances start active versions: a parsed definition never goes stale.
const definitions = new Map<string, WorkflowDefinition>();

export async function loadInstanceDefinition(
  tx: Transaction,
  instance: InstanceRow,
): Promise<WorkflowDefinition> {
  const cached = definitions.get(instance.definitionId);
  if (cached) return cached;
  const d = schema.workflowDefinitions;
  const [row] = await tx
    .select({ definition: d.definition, status: d.status })
    .from(d)
    .where(and(eq(d.accountId, instance.accountId), eq(d.id, instance.definitionId)));
  const parsed = WorkflowDefinition.parse(row?.definition ?? {});
  if (row && row.status !== "draft") {
    if (definitions.size > 500) definitions.clear();
    definitions.set(instance.definitionId, parsed);
  }
  return parsed;
}

export function definitionStep(definition: WorkflowDefinition, stepId: string): WorkflowStep | null {
  return definition.steps.find((s) => s.id === stepId) ?? null;
}

/** What expressions and placeholders see: { input, vars, steps.<id> = a completed step's result }. */
export async function loadScope(
  tx: Transaction,
  instance: InstanceRow,
  steps?: readonly StepRow[],
): Promise<StepRun["scope"]> {
  const v = schema.workflowVariables;
  const vars = await tx
    .select({ name: v.name, value: v.value })
    .from(v)
    .where(and(eq(v.accountId, instance.accountId), eq(v.instanceId, instance.id)));
  const all = steps ?? (await loadSteps(tx, instance));
  return {
    input: instance.context,
    vars: Object.fromEntries(vars.map((r) => [r.name, r.value])),
    steps: Object.fromEntries(
      all.filter((s) => s.status === "completed").map((s) => [s.stepId, s.result ?? null]),
    ),
  };
}

/**
 * Any JSON value for a jsonb column. Sent as text and cast: drizzle hands a bare boolean, number,
 * string or array to the driver as that type (column "value" is of type jsonb but expression is of
 * type boolean), so values of unknown shape (results, outputs, variables) always go through this.
 */
export const jsonb = (value: unknown): SQL =>
  value === null || value === undefined ? sql`null` : sql`${JSON.stringify(value)}::text::jsonb`;

export function variableType(value: unknown): "string" | "number" | "boolean" | "object" | "array" {
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "object";
}

/** Sets variables (insert or overwrite), naming the step that wrote them. */
export async function writeVariables(
  tx: Transaction,
  instance: InstanceRow,
  values: Record<string, unknown>,
  stepId: string | null,
  now: Date,
): Promise<void> {
  const entries = Object.entries(values);
  if (entries.length === 0) return;
  const v = schema.workflowVariables;
  for (const [name, value] of entries) {
    await tx
      .insert(v)
      .values({
        accountId: instance.accountId,
        instanceId: instance.id,
        name,
        type: variableType(value),
        value: jsonb(value),
        updatedByStep: stepId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [v.accountId, v.instanceId, v.name],
        set: { type: variableType(value), value: jsonb(value), updatedByStep: stepId, updatedAt: now },
      });
  }
}
