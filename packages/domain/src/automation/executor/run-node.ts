// What each kind of node does with the contact standing on it. A node answers where the contact
// goes next (an edge, by handle), that it waits (until when), or that its journey ends here; the
// caller (advance-execution.ts) logs the step, moves the contact and counts the statistics.
import type { JourneyNode } from "../journeys/definition.ts";
import { contactMatches } from "./contact-checks.ts";
import { runAction } from "./run-action.ts";
import { splitBranch, splitBucket } from "./split-bucket.ts";
import { afterDuration, contactZone, nextTimeOfDay } from "./wait-times.ts";
import type { WaitState, Walk } from "./walk.ts";

export type StepResult =
  /** Done here; on to `next` (null: the node has no way out, the journey is complete). */
  | {
      kind: "next";
      next: string | null;
      outcome: string;
      stat: "completed" | "errored";
      detail?: Record<string, unknown>;
      error?: string;
    }
  /** The contact waits at this node until `wait.until`. */
  | { kind: "wait"; wait: WaitState; detail?: Record<string, unknown> }
  /** The journey ends at this node. */
  | {
      kind: "finish";
      status: "completed" | "exited";
      reason: string;
      outcome: string;
      stat: "completed" | "converted";
      detail?: Record<string, unknown>;
    };

export async function runNode(walk: Walk, node: JourneyNode): Promise<StepResult> {
  const { graph } = walk;
  switch (node.kind) {
    case "trigger":
      return { kind: "next", next: graph.next(node.id), outcome: "completed", stat: "completed" };
    case "wait":
      return runWait(walk, node);
    case "condition": {
      // Usually read for the whole batch before this round (advance-execution.ts prefetch).
      const yes =
        walk.condition ??
        (await contactMatches(walk.ctx.tx, walk.ctx.accountId, walk.contact.id, [node.check], walk.now))[0];
      const handle = yes ? "yes" : "no";
      return {
        kind: "next",
        next: graph.next(node.id, handle),
        outcome: `branch:${handle}`,
        stat: "completed",
      };
    }
    case "split": {
      const bucket = splitBucket(walk.contact.id, node.id);
      const key = splitBranch(node.branches, bucket);
      if (key === null) {
        return {
          kind: "finish",
          status: "exited",
          reason: "holdout",
          outcome: "branch:holdout",
          stat: "completed",
          detail: { bucket },
        };
      }
      walk.state.branches = { ...walk.state.branches, [node.id]: key };
      return {
        kind: "next",
        next: graph.next(node.id, key),
        outcome: `branch:${key}`,
        stat: "completed",
        detail: { bucket },
      };
    }
    case "goal":
      // Goals are checked before every step (advance-execution.ts): a contact standing here has
      // just been found not to meet this one, and walks on.
      return {
        kind: "next",
        next: graph.next(node.id),
        outcome: "completed",
        stat: "completed",
        detail: { met: false },
      };
    case "exit":
      return {
        kind: "finish",
        status: "completed",
        reason: "completed",
        outcome: "completed",
        stat: "completed",
      };
    case "action":
      return runAction(walk, node);
  }
}

function runWait(walk: Walk, node: JourneyNode & { kind: "wait" }): StepResult {
  const { now, graph } = walk;
  const waited = walk.state.wait?.nodeId === node.id ? walk.state.wait : null;
  if (waited) {
    // Back after the wait: through the "event" edge if the awaited event arrived, else on time.
    if (waited.event) {
      return {
        kind: "next",
        next: graph.next(node.id, "event"),
        outcome: "completed",
        stat: "completed",
        detail: { event: waited.event },
      };
    }
    if (new Date(waited.until) > now) return { kind: "wait", wait: waited };
    const handle = node.wait.type === "until_event" ? "timeout" : null;
    return {
      kind: "next",
      next: graph.next(node.id, handle),
      outcome: "completed",
      stat: "completed",
      detail: node.wait.type === "until_event" ? { timedOut: true } : {},
    };
  }
  const zone = contactZone(walk.contact.timeZone);
  const w = node.wait;
  const until =
    w.type === "duration"
      ? afterDuration(now, w.duration, zone)
      : w.type === "until_time"
        ? nextTimeOfDay(now, zone, w.time, w.weekdays)
        : afterDuration(now, w.timeout, zone);
  const wait: WaitState = {
    nodeId: node.id,
    type: w.type,
    until: until.toISOString(),
    ...(w.type === "until_event" ? { eventType: w.eventType } : {}),
  };
  return { kind: "wait", wait, detail: { until: wait.until, zone } };
}
