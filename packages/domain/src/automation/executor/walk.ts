// One job's walk through a journey for one contact: the execution as it will be written back, and
// what the steps produced (step rows, events, stat deltas), all written in the job's transaction.
import type { schema } from "@markettina/db";
import type { OperationContext } from "../../context.ts";
import type { QueuedMessage } from "../messages/queue-message.ts";
import type { ExecutorDeps } from "./executor-ports.ts";
import type { JourneyGraph } from "./journey-graph.ts";
import type { NodeStatDeltas } from "./node-stats.ts";

export type ContactRow = typeof schema.contacts.$inferSelect;
export type ExecutionRow = typeof schema.journeyExecutions.$inferSelect;

/** What a wait (or a send held by quiet hours) leaves in the execution's state. */
export interface WaitState {
  nodeId: string;
  type: "duration" | "until_time" | "until_event" | "quiet_hours";
  /** ISO instant the wait ends (for until_event: its timeout). */
  until: string;
  eventType?: string;
  /** Set by wakeWaitingExecutions when the awaited event arrives. */
  event?: { type: string; at: string; eventId?: string | null };
}

export interface ExecutionState extends Record<string, unknown> {
  wait?: WaitState;
  /** Split branches taken, by node. */
  branches?: Record<string, string>;
  /** The last text a generate_content action wrote ({{generated_content}} in later messages). */
  generated?: { nodeId: string; generationId: string; text: string };
}

export interface StepRecord {
  seq: number;
  nodeId: string;
  nodeKind: string;
  outcome: string;
  error: string | null;
  detail: Record<string, unknown>;
}

export interface Walk {
  ctx: OperationContext;
  deps: ExecutorDeps;
  graph: JourneyGraph;
  now: Date;
  execution: ExecutionRow;
  campaignId: string | null;
  contact: ContactRow;
  /** Where the contact is and the step number the next step gets. */
  nodeId: string;
  seq: number;
  state: ExecutionState;
  /** The node the contact is waiting at (its `waiting` stat counts it), or null. */
  waitingAt: string | null;
  steps: StepRecord[];
  events: { type: string; payload: Record<string, unknown> }[];
  stats: Map<string, NodeStatDeltas>;
  /** Messages this walk queues (ids made here), written with the other walks' in one statement
   * at the end of the job. */
  messages: (QueuedMessage & { id: string })[];
  /** The ids actually queued (for the worker to hand to the sender at once). */
  messageIds: string[];
  /** The contact's data changed in this walk: goal and exit checks must look again. */
  contactChanged: boolean;
  /** Read for this round together with the other walks' (one statement per journey version or
   * node): goals met and exit criteria met, and the answer of the condition the contact is on. */
  prefetched: { goals: boolean[]; exit: boolean } | null;
  condition: boolean | null;
  /** How the walk ended, once it has. */
  end: WalkEnd | null;
}

export interface WalkEnd {
  status: "active" | "waiting" | "completed" | "exited" | "failed";
  nextRunAt: Date | null;
  reason?: string;
  converted?: boolean;
}

/** The walk left its execution due now: its next step's job goes with the step's transaction. */
export const continuesNow = (walk: Walk, now: Date): boolean =>
  (walk.end!.status === "active" || walk.end!.status === "waiting") &&
  walk.end!.nextRunAt !== null &&
  walk.end!.nextRunAt <= now;

export function bump(walk: Walk, nodeId: string, deltas: NodeStatDeltas): void {
  const current = walk.stats.get(nodeId) ?? {};
  for (const [key, n] of Object.entries(deltas) as [keyof NodeStatDeltas, number][]) {
    current[key] = (current[key] ?? 0) + n;
  }
  walk.stats.set(nodeId, current);
}

/** Logs a step under the next step number (journey_steps, and journey_step_completed unless the
 * contact now waits there). */
export function recordStep(
  walk: Walk,
  step: {
    nodeId: string;
    nodeKind: string;
    outcome: string;
    error?: string | null;
    detail?: Record<string, unknown>;
  },
): void {
  const record: StepRecord = {
    seq: walk.seq,
    nodeId: step.nodeId,
    nodeKind: step.nodeKind,
    outcome: step.outcome,
    error: step.error ?? null,
    detail: step.detail ?? {},
  };
  walk.steps.push(record);
  walk.seq += 1;
  // Actions only: "sent the welcome e-mail", "tagged VIP" are what a segment or a contact's
  // timeline asks about; the journey's plumbing (trigger, waits, conditions, splits, exit) is in
  // the step log, and entering and leaving are journey_entered / journey_exited.
  if (step.outcome !== "waiting" && step.nodeKind === "action") {
    walk.events.push({
      type: "journey_step_completed",
      payload: {
        executionId: walk.execution.id,
        seq: record.seq,
        nodeId: record.nodeId,
        nodeKind: record.nodeKind,
        outcome: record.outcome,
        ...(record.error ? { error: record.error } : {}),
      },
    });
  }
}

/** The contact leaves the node it was waiting at (if any): its `waiting` count drops. */
export function leaveWait(walk: Walk): void {
  if (walk.waitingAt) bump(walk, walk.waitingAt, { waiting: -1 });
  walk.waitingAt = null;
  delete walk.state.wait;
}
