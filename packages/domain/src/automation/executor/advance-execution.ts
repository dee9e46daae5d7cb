// The journey step job's body: moves contacts through their journeys, each from where it stands as
// far as it can go now, in ONE transaction of their tenant. The worker hands over the jobs it
// fetched together (one per execution and step); they are walked side by side so that what can be
// read or written for all of them at once is (one statement per journey node, not per contact).
//
// Run-once protocol. A job names an execution and the step it was sent for (step_seq). The
// executions are locked FOR UPDATE first, in id order (two batches that share executions queue
// behind each other instead of deadlocking); a job whose step has already run (the number moved
// on), whose execution is finished or not due, or whose journey is paused or archived, does
// nothing. A second run of the same job (a retry after a crash, a duplicate) therefore either waits
// for the first to commit and then finds the number moved on, or runs the step the first run
// rolled back. Everything a step does is a row in this transaction: the step log, the statistics,
// marketing events, queued messages (keyed by the step: journey-step:<execution>:<seq>, ON
// CONFLICT DO NOTHING as a second guard), tag and attribute changes, webhook calls put in the
// outbox. Nothing leaves the database here: messages are delivered by the sender, webhooks by the
// effect queue, after the commit.
//
// Consecutive immediate nodes run in the same transaction (up to MAX_STEPS_PER_JOB, then the
// execution is left due now for the next job); a wait ends a walk with next_run_at set (a wait of 0
// is "now": the contact yields and the next job carries on). Before every step the journey's goals
// and exit criteria are checked on the contact's current data.
//
// What the walks leave for right away (executions due now, messages queued) is handed to the
// worker's queue IN THIS TRANSACTION (deps.queue: pg-boss jobs written on the same connection) and
// stamped dispatched_at, so the next jobs exist if and only if these steps commit and the
// dispatcher does not send them again. Executions skipped because they cannot run now (held by a
// paused journey, not due, finished) lose their stamp: the dispatcher finds them when they can.
import { type Database, type Executor, schema, type TenantScope, withTenant } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { type OperationContext, systemActor } from "../../context.ts";
import { contactsMatch } from "./contact-checks.ts";
import type { ExecutorDeps } from "./executor-ports.ts";
import { type JourneyGraph, loadGraph } from "./journey-graph.ts";
import { runNode } from "./run-node.ts";
import {
  bump,
  continuesNow,
  type ExecutionState,
  leaveWait,
  recordStep,
  type Walk,
  type WalkEnd,
} from "./walk.ts";
import { writeBack } from "./write-back.ts";

/** Immediate steps one job runs before it leaves the rest to the next job. */
export const MAX_STEPS_PER_JOB = 25;

export interface AdvanceJob {
  accountId: string;
  executionId: string;
  /** The step the job was sent for (journey_executions.step_seq when it was due). */
  seq: number;
  /** The clock: waits and timestamps are computed from it (tests inject one). */
  now: Date;
}

export type AdvanceOutcome =
  | { status: "skipped"; reason: "missing" | "stale" | "finished" | "not_due" | "held" }
  | {
      status: "advanced";
      executionStatus: WalkEnd["status"];
      /** The execution's step number now (the next job for it carries this). */
      seq: number;
      nextRunAt: Date | null;
      steps: number;
      /** Messages queued by these steps (the worker hands them to the sender at once). */
      messageIds: string[];
    };

const tenantContext = (db: Database, accountId: string, tx: OperationContext["tx"]): OperationContext => {
  const scope: TenantScope = { accountId, accountIds: [accountId], userId: null, apiKeyId: null };
  return {
    tx,
    actor: systemActor,
    accountId,
    role: null,
    scopes: null,
    scope,
    detached: (fn) => withTenant(db, scope, fn),
  };
};

/** One job in its own tenant transaction, as the system. */
export async function advanceExecution(
  db: Database,
  job: AdvanceJob,
  deps: ExecutorDeps = {},
): Promise<AdvanceOutcome> {
  const outcomes = await advanceExecutions(db, job.accountId, [job], job.now, deps);
  return outcomes.get(job.executionId)!;
}

/** Several jobs of one account in one transaction (the worker's batch); outcomes by execution. */
export function advanceExecutions(
  db: Database,
  accountId: string,
  jobs: readonly { executionId: string; seq: number }[],
  now: Date,
  deps: ExecutorDeps = {},
): Promise<Map<string, AdvanceOutcome>> {
  const scope: TenantScope = { accountId, accountIds: [accountId], userId: null, apiKeyId: null };
  return withTenant(db, scope, (tx) =>
    advanceExecutionsInTenant(tenantContext(db, accountId, tx), jobs, now, deps),
  );
}

/** The same inside a transaction the caller holds (ctx.tx, scoped to ctx.accountId). */
export async function advanceExecutionsInTenant(
  ctx: OperationContext,
  jobs: readonly { executionId: string; seq: number }[],
  now: Date,
  deps: ExecutorDeps = {},
): Promise<Map<string, AdvanceOutcome>> {
  const outcomes = new Map<string, AdvanceOutcome>();
  const wanted = new Map<string, number>();
  for (const job of jobs) wanted.set(job.executionId, Math.max(job.seq, wanted.get(job.executionId) ?? -1));
  if (wanted.size === 0) return outcomes;

  const e = schema.journeyExecutions;
  const j = schema.journeys;
  const c = schema.contacts;
  // Lock the executions only (not their journeys or contacts), in id order: these rows are the
  // steps' mutex. Found by primary key alone; row-level security confines the statement to the
  // tenant. (With `account_id = …` added, a fresh account's statistics — "1 row" — lead the planner
  // to scan all of the account's executions through an account index instead of 10 key look-ups.)
  const rows = await ctx.tx
    .select({
      execution: e,
      journeyStatus: j.status,
      journeyDeletedAt: j.deletedAt,
      campaignId: j.campaignId,
      contact: c,
    })
    .from(e)
    .innerJoin(j, and(eq(j.accountId, e.accountId), eq(j.id, e.journeyId)))
    .innerJoin(c, and(eq(c.accountId, e.accountId), eq(c.id, e.contactId)))
    .where(sql`${e.id} = any(${sql.param([...wanted.keys()])}::uuid[])`)
    .orderBy(e.id)
    .for("update", { of: e });

  const walks: Walk[] = [];
  const graphs = new Map<string, JourneyGraph>();
  for (const row of rows) {
    const { execution } = row;
    if (execution.accountId !== ctx.accountId) continue; // never: RLS keeps other tenants out
    const skip = (reason: "stale" | "finished" | "not_due" | "held") =>
      outcomes.set(execution.id, { status: "skipped", reason });
    if (execution.status !== "active" && execution.status !== "waiting") skip("finished");
    else if (execution.stepSeq !== wanted.get(execution.id)) skip("stale");
    // Paused or archived: held where it is; resuming makes it due again.
    else if (row.journeyStatus !== "active" || row.journeyDeletedAt) skip("held");
    else if (!execution.nextRunAt || execution.nextRunAt > now) skip("not_due");
    else {
      let graph = graphs.get(execution.journeyVersionId);
      if (!graph) {
        graph = await loadGraph(ctx.tx, ctx.accountId, execution.journeyVersionId);
        graphs.set(execution.journeyVersionId, graph);
      }
      const state = structuredClone(execution.state) as ExecutionState;
      if (state.wait && state.wait.nodeId !== execution.currentNodeId) delete state.wait;
      walks.push({
        ctx,
        deps,
        graph,
        now,
        execution,
        campaignId: row.campaignId,
        contact: row.contact,
        nodeId: execution.currentNodeId,
        seq: execution.stepSeq,
        state,
        waitingAt: execution.status === "waiting" ? execution.currentNodeId : null,
        steps: [],
        events: [],
        stats: new Map(),
        messages: [],
        messageIds: [],
        contactChanged: true,
        prefetched: null,
        condition: null,
        end: null,
      });
    }
  }
  for (const id of wanted.keys())
    if (!outcomes.has(id) && !walks.some((w) => w.execution.id === id))
      outcomes.set(id, { status: "skipped", reason: "missing" });
  await releaseSkipped(ctx, outcomes);

  for (const walk of walks) {
    if (walk.contact.deletedAt) {
      recordStep(walk, {
        nodeId: walk.nodeId,
        nodeKind: kindOf(walk, walk.nodeId),
        outcome: "exited",
        detail: { reason: "contact_deleted" },
      });
      leaveWait(walk);
      walk.end = { status: "exited", nextRunAt: null, reason: "contact_deleted" };
    }
  }
  // Side by side, one step per walk per round, so each round's reads are one statement for all.
  for (let round = 0; round < MAX_STEPS_PER_JOB; round++) {
    const live = walks.filter((w) => !w.end);
    if (live.length === 0) break;
    await prefetch(ctx, live, now);
    for (const walk of live) await stepOnce(walk);
  }
  // Long chains of immediate nodes go on in the next job, so one job never runs unbounded.
  for (const walk of walks) walk.end ??= { status: "active", nextRunAt: now };

  const queue = deps.queue;
  await writeBack(ctx, walks, now, { handedOver: queue !== undefined });
  if (queue) {
    const executions = walks
      .filter((w) => continuesNow(w, now))
      .map((w) => ({ executionId: w.execution.id, seq: w.seq }));
    const messageIds = walks.flatMap((w) => w.messageIds);
    if (executions.length > 0 || messageIds.length > 0)
      await queue.enqueue(ctx.tx, ctx.accountId, { executions, messageIds });
  }
  for (const walk of walks) {
    outcomes.set(walk.execution.id, {
      status: "advanced",
      executionStatus: walk.end!.status,
      seq: walk.seq,
      nextRunAt: walk.end!.nextRunAt,
      steps: walk.steps.length,
      messageIds: walk.messageIds,
    });
  }
  return outcomes;
}

/** Executions a job could not run now lose their dispatch stamp (see the top). */
async function releaseSkipped(ctx: OperationContext, outcomes: ReadonlyMap<string, AdvanceOutcome>) {
  const ids = [...outcomes]
    .filter(([, o]) => o.status === "skipped" && ["held", "not_due", "finished"].includes(o.reason))
    .map(([id]) => id);
  if (ids.length === 0) return;
  await ctx.tx.execute(sql`
    update journey_executions set dispatched_at = null
     where id = any(${sql.param(ids)}::uuid[]) and dispatched_at is not null`);
}

const kindOf = (walk: Walk, nodeId: string) => walk.graph.nodes.get(nodeId)?.kind ?? "unknown";

/**
 * What this round's steps need to read, for all walks at once: goals and exit criteria (walks whose
 * contact is unchecked or changed since), and the conditions the contacts stand on. One statement
 * per journey version, and one per condition node.
 */
async function prefetch(ctx: OperationContext, live: readonly Walk[], now: Date): Promise<void> {
  const checks = new Map<JourneyGraph, Walk[]>();
  const conditions = new Map<string, Walk[]>();
  for (const walk of live) {
    walk.prefetched = null;
    walk.condition = null;
    const { graph } = walk;
    if (walk.contactChanged && (graph.goals.length > 0 || graph.exitCriteria)) {
      checks.set(graph, [...(checks.get(graph) ?? []), walk]);
    }
    if (graph.nodes.get(walk.nodeId)?.kind === "condition") {
      const key = `${graph.versionId}:${walk.nodeId}`;
      conditions.set(key, [...(conditions.get(key) ?? []), walk]);
    }
  }
  for (const [graph, group] of checks) {
    const list = [...graph.goals.map((g) => g.check), ...(graph.exitCriteria ? [graph.exitCriteria] : [])];
    const met = await contactsMatch(
      ctx.tx,
      ctx.accountId,
      group.map((w) => w.contact.id),
      list,
      now,
    );
    for (const walk of group) {
      const m = met.get(walk.contact.id)!;
      walk.prefetched = {
        goals: m.slice(0, graph.goals.length),
        exit: graph.exitCriteria ? m[graph.goals.length]! : false,
      };
      walk.contactChanged = false;
    }
  }
  for (const group of conditions.values()) {
    const node = group[0]!.graph.nodes.get(group[0]!.nodeId)!;
    if (node.kind !== "condition") continue;
    const met = await contactsMatch(
      ctx.tx,
      ctx.accountId,
      group.map((w) => w.contact.id),
      [node.check],
      now,
    );
    for (const walk of group) walk.condition = met.get(walk.contact.id)![0]!;
  }
}

/** One step of one walk: goals and exit first, then the node the contact stands on. */
async function stepOnce(walk: Walk): Promise<void> {
  const exit = goalOrExit(walk);
  if (exit) {
    walk.end = exit;
    return;
  }
  const node = walk.graph.nodes.get(walk.nodeId);
  if (!node) {
    // Published versions are validated, so only a bug gets here: stop this contact, visibly.
    recordStep(walk, {
      nodeId: walk.nodeId,
      nodeKind: "unknown",
      outcome: "errored",
      error: "The node does not exist in this journey version.",
    });
    leaveWait(walk);
    walk.end = { status: "failed", nextRunAt: null, reason: "error" };
    return;
  }
  const resuming = walk.waitingAt === node.id;
  const result = await runNode(walk, node);
  walk.condition = null;
  if (result.kind === "wait") {
    recordStep(walk, { nodeId: node.id, nodeKind: node.kind, outcome: "waiting", detail: result.detail });
    if (!resuming) bump(walk, node.id, { waiting: 1 });
    walk.waitingAt = node.id;
    walk.state.wait = result.wait;
    walk.end = { status: "waiting", nextRunAt: new Date(result.wait.until) };
    return;
  }
  leaveWait(walk);
  recordStep(walk, {
    nodeId: node.id,
    nodeKind: node.kind,
    outcome: result.outcome,
    error: result.kind === "next" ? result.error : null,
    detail: result.detail,
  });
  bump(walk, node.id, { [result.stat]: 1 });
  if (result.kind === "finish") {
    walk.end = {
      status: result.status,
      nextRunAt: null,
      reason: result.reason,
      converted: result.stat === "converted",
    };
  } else if (result.next === null) {
    walk.end = { status: "completed", nextRunAt: null, reason: "completed" };
  } else {
    walk.nodeId = result.next;
    bump(walk, result.next, { entered: 1 });
  }
}

/** Goals (anywhere in the journey), then the exit criteria, as prefetched for this round. */
function goalOrExit(walk: Walk): WalkEnd | null {
  const checked = walk.prefetched;
  walk.prefetched = null;
  if (!checked) return null;
  const goal = walk.graph.goals.find((_, i) => checked.goals[i]);
  if (goal) {
    leaveWait(walk);
    recordStep(walk, {
      nodeId: goal.id,
      nodeKind: "goal",
      outcome: "converted",
      detail: { from: walk.nodeId },
    });
    bump(walk, goal.id, { converted: 1 });
    walk.nodeId = goal.id;
    return { status: "exited", nextRunAt: null, reason: "converted", converted: true };
  }
  if (checked.exit) {
    leaveWait(walk);
    recordStep(walk, {
      nodeId: walk.nodeId,
      nodeKind: kindOf(walk, walk.nodeId),
      outcome: "exited",
      detail: { reason: "exit_criteria" },
    });
    return { status: "exited", nextRunAt: null, reason: "exit_criteria" };
  }
  return null;
}

/** How long a step job may take to reach a worker before its executions are handed out again. */
export const JOURNEY_DISPATCH_LEASE_SECONDS = 300;

/**
 * Takes due executions of every tenant (or of `accountId`) for the journey dispatcher, stamped as
 * dispatched (app.take_due_journey_executions): run it in the transaction that sends the jobs
 * naming them. Ids and step numbers only.
 */
export async function takeDueJourneyExecutions(
  db: Executor,
  o: { now: Date; limit: number; leaseSeconds?: number; accountId?: string },
): Promise<{ accountId: string; executionId: string; seq: number }[]> {
  const rows = await db.execute<{ account_id: string; execution_id: string; step_seq: number }>(
    sql`select account_id, execution_id, step_seq from app.take_due_journey_executions(${o.now}::timestamptz,
          ${o.limit}::int, ${o.leaseSeconds ?? JOURNEY_DISPATCH_LEASE_SECONDS}::int, ${o.accountId ?? null}::uuid)`,
  );
  return rows.map((r) => ({ accountId: r.account_id, executionId: r.execution_id, seq: r.step_seq }));
}
