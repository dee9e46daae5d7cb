// The sweeper's query (app.overdue_workflow_steps, every tenant): running steps the engine should
// have heard from by now — executing past started_at + timeout (default `defaultTimeoutSeconds`)
// + grace (their worker died or hung), or waiting past their time + grace (their job was lost).
// Ids and attempts only; the worker hands each to handleOverdueStep in its tenant's scope.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

export const DEFAULT_STEP_TIMEOUT_SECONDS = 300;
export const OVERDUE_GRACE_SECONDS = 60;

export interface OverdueStep {
  accountId: string;
  instanceId: string;
  stepRowId: string;
  attempt: number;
}

export async function findOverdueSteps(
  db: Executor,
  o: { now: Date; limit?: number; defaultTimeoutSeconds?: number; graceSeconds?: number },
): Promise<OverdueStep[]> {
  const rows = await db.execute<{
    account_id: string;
    instance_id: string;
    step_row_id: string;
    attempt: number;
  }>(
    sql`select account_id, instance_id, step_row_id, attempt from app.overdue_workflow_steps(${o.now.toISOString()}::timestamptz,
          ${o.defaultTimeoutSeconds ?? DEFAULT_STEP_TIMEOUT_SECONDS}::int, ${o.graceSeconds ?? OVERDUE_GRACE_SECONDS}::int,
          ${o.limit ?? 500}::int)`,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    instanceId: r.instance_id,
    stepRowId: r.step_row_id,
    attempt: r.attempt,
  }));
}
