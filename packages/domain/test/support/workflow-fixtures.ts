// Fixtures for the workflow tests, written as the migration owner: an account with an owner, a
// definition row (parsed by the zod contract), and an in-memory WorkflowQueue plus the driver that
// plays the worker: it runs the recorded jobs that are due at an injected moment until none are.
// The memory queue records a job when enqueue is called (a real queue writes it in the caller's
// transaction); the engine's claim checks make a job from a rolled-back transaction harmless.
import { randomUUID } from "node:crypto";
import type { Database } from "@markettina/db";
import type postgres from "postgres";
import {
  type RunStepResult,
  runWorkflowStep,
  WorkflowDefinition,
  type WorkflowEngineDeps,
  type WorkflowQueue,
  type WorkflowStepJob,
} from "../../src/index.ts";

export async function createWorkflowAccount(
  sql: postgres.Sql,
  name = "Workflow Bakery",
): Promise<{ accountId: string; userId: string }> {
  const accountId = randomUUID();
  const userId = randomUUID();
  await sql`insert into accounts (id, name, slug) values (${accountId}, ${name}, ${`workflows-${accountId.slice(0, 8)}`})`;
  await sql`insert into users (id, email, name) values (${userId}, ${`owner-${userId.slice(0, 8)}@workflows.test`}, 'Owner')`;
  await sql`insert into memberships (id, account_id, user_id, role) values (${randomUUID()}, ${accountId}, ${userId}, 'owner')`;
  return { accountId, userId };
}

/** A definition row (active by default); its id. */
export async function insertDefinition(
  sql: postgres.Sql,
  accountId: string,
  definition: unknown,
  options: { name?: string; status?: "draft" | "active" | "deprecated" | "archived"; version?: number } = {},
): Promise<string> {
  const id = randomUUID();
  const parsed = WorkflowDefinition.parse(definition);
  const status = options.status ?? "active";
  await sql`
    insert into workflow_definitions (id, account_id, name, version, definition, status, activated_at)
    values (${id}, ${accountId}, ${options.name ?? `Workflow ${id.slice(0, 8)}`}, ${options.version ?? 1},
            ${sql.json(parsed as unknown as postgres.JSONValue)}, ${status},
            ${status === "draft" ? null : new Date()})`;
  return id;
}

export interface RecordedJob extends WorkflowStepJob {
  runAt: Date | null;
  priority: number;
  /** Set once the driver ran it. */
  ran: boolean;
}

export interface MemoryQueue extends WorkflowQueue {
  jobs: RecordedJob[];
  /** Jobs not run yet. */
  pending(): RecordedJob[];
}

export function memoryQueue(): MemoryQueue {
  const jobs: RecordedJob[] = [];
  return {
    jobs,
    pending: () => jobs.filter((j) => !j.ran),
    async enqueue(_tx, list) {
      for (const j of list) {
        jobs.push({
          accountId: j.accountId,
          instanceId: j.instanceId,
          stepRowId: j.stepRowId,
          attempt: j.attempt,
          runAt: j.runAt ?? null,
          priority: j.priority,
          ran: false,
        });
      }
    },
  };
}

/** Runs due jobs (highest priority first, then in order) one at a time until none is due at `now`. */
export async function drainQueue(
  db: Database,
  queue: MemoryQueue,
  deps: WorkflowEngineDeps,
  now: Date,
): Promise<RunStepResult[]> {
  const results: RunStepResult[] = [];
  for (;;) {
    const due = queue
      .pending()
      .filter((j) => !j.runAt || j.runAt <= now)
      .sort((a, b) => b.priority - a.priority);
    const job = due[0];
    if (!job) return results;
    job.ran = true;
    results.push(await runWorkflowStep(db, { ...job, now }, deps));
  }
}
