// The steps a journey is built from, in words: what the palette offers, what a new step of each
// kind starts as, how a step sums itself up on its card, and which ways out (handles) it has.
import { describeCondition } from "./condition-text";
import type { Action, Duration, JourneyNode, NodeKind, Trigger, Wait } from "./journey-definition";

export type PaletteEntry = {
  /** Stable key of the entry ("action:send_email"), used for drag data and test ids. */
  key: string;
  kind: NodeKind;
  label: string;
  description: string;
  create: (id: string) => JourneyNode;
};

const SIMPLE_CHECK = { kind: "tag", op: "has", tag: "" } as const;

export const PALETTE: readonly PaletteEntry[] = [
  {
    key: "trigger",
    kind: "trigger",
    label: "Trigger",
    description: "Where contacts enter: a segment, an event, or enrolment by hand.",
    create: (id) => ({ id, kind: "trigger", label: "", trigger: { type: "manual" } }),
  },
  {
    key: "action:send_email",
    kind: "action",
    label: "Send email",
    description: "An email to the contact, if they consented to marketing email.",
    create: (id) => ({
      id,
      kind: "action",
      label: "",
      action: { type: "send_email", subject: "", body: "", templateId: null },
    }),
  },
  {
    key: "action:send_sms",
    kind: "action",
    label: "Send SMS",
    description: "A text message, if they consented to marketing SMS.",
    create: (id) => ({ id, kind: "action", label: "", action: { type: "send_sms", text: "" } }),
  },
  {
    key: "wait",
    kind: "wait",
    label: "Wait",
    description: "Pause for a while, until a time of day, or until the contact does something.",
    create: (id) => ({
      id,
      kind: "wait",
      label: "",
      wait: { type: "duration", duration: { amount: 1, unit: "days" } },
    }),
  },
  {
    key: "condition",
    kind: "condition",
    label: "Condition",
    description: "Yes or no on the contact's data when they arrive.",
    create: (id) => ({ id, kind: "condition", label: "", check: { ...SIMPLE_CHECK } }),
  },
  {
    key: "split",
    kind: "split",
    label: "A/B split",
    description: "Random branches by percentage, with an optional holdout.",
    create: (id) => ({
      id,
      kind: "split",
      label: "",
      branches: [
        { key: "a", label: "A", percent: 50 },
        { key: "b", label: "B", percent: 50 },
      ],
      holdoutPercent: 0,
    }),
  },
  {
    key: "action:add_tag",
    kind: "action",
    label: "Other action",
    description: "Tag the contact, update an attribute, call a webhook, generate content…",
    create: (id) => ({ id, kind: "action", label: "", action: { type: "add_tag", tag: "" } }),
  },
  {
    key: "goal",
    kind: "goal",
    label: "Goal",
    description: "Contacts who meet it leave the journey as converted.",
    create: (id) => ({ id, kind: "goal", label: "", check: { ...SIMPLE_CHECK } }),
  },
  {
    key: "exit",
    kind: "exit",
    label: "Exit",
    description: "The end of a path.",
    create: (id) => ({ id, kind: "exit", label: "" }),
  },
];

export const KIND_LABELS: Record<NodeKind, string> = {
  trigger: "Trigger",
  wait: "Wait",
  condition: "Condition",
  split: "A/B split",
  action: "Action",
  goal: "Goal",
  exit: "Exit",
};

export const ACTION_LABELS: Record<Action["type"], string> = {
  send_email: "Send email",
  send_sms: "Send SMS",
  add_tag: "Add tag",
  remove_tag: "Remove tag",
  update_attribute: "Update attribute",
  call_webhook: "Call webhook",
  generate_content: "Generate content",
  start_workflow: "Start workflow",
};

export const TRIGGER_LABELS: Record<Trigger["type"], string> = {
  manual: "Manual or API enrolment",
  segment_entry: "Enters a segment",
  event: "Performs an event",
};

export const WAIT_LABELS: Record<Wait["type"], string> = {
  duration: "For a duration",
  until_time: "Until a time of day",
  until_event: "Until an event (with timeout)",
};

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export function formatDuration({ amount, unit }: Duration): string {
  const singular = unit.slice(0, -1);
  return `${amount} ${amount === 1 ? singular : unit}`;
}

function waitSummary(wait: Wait): string {
  switch (wait.type) {
    case "duration":
      return `Wait ${formatDuration(wait.duration)}`;
    case "until_time": {
      const days =
        wait.weekdays.length === 0 || wait.weekdays.length === 7
          ? ""
          : ` on ${wait.weekdays.map((day) => WEEKDAYS[day - 1]).join(", ")}`;
      return `Until ${wait.time || "--:--"}${days}, contact's time`;
    }
    case "until_event":
      return `Until “${wait.eventType || "…"}”, at most ${formatDuration(wait.timeout)}`;
  }
}

function actionSummary(action: Action): string {
  switch (action.type) {
    case "send_email":
      return action.subject ? `“${action.subject}”` : "No subject yet";
    case "send_sms":
      return action.text ? `“${action.text.slice(0, 60)}”` : "No text yet";
    case "add_tag":
      return `Add tag ${action.tag || "…"}`;
    case "remove_tag":
      return `Remove tag ${action.tag || "…"}`;
    case "update_attribute":
      return `Set ${action.key || "…"} = ${JSON.stringify(action.value)}`;
    case "call_webhook":
      return action.connectorId ? "Posts to a webhook connector" : "No connector chosen";
    case "generate_content":
      return `Generate ${action.contentType.replaceAll("_", " ")}`;
    case "start_workflow":
      return `Start ${action.workflowKey || "…"}`;
  }
}

function triggerSummary(trigger: Trigger): string {
  switch (trigger.type) {
    case "manual":
      return "Enrolled by hand or through the API";
    case "segment_entry":
      return trigger.segmentId ? "When a contact enters the segment" : "No segment chosen";
    case "event":
      return `When a contact performs “${trigger.eventType || "…"}”`;
  }
}

/** The kind's title on a card: "Send email", "Wait", "Condition"… */
export function nodeTitle(node: JourneyNode): string {
  if (node.kind === "action") return ACTION_LABELS[node.action.type];
  return KIND_LABELS[node.kind];
}

/** One line saying what the step does, shown under its name. */
export function nodeSummary(node: JourneyNode): string {
  switch (node.kind) {
    case "trigger":
      return triggerSummary(node.trigger);
    case "wait":
      return waitSummary(node.wait);
    case "condition":
    case "goal":
      return describeCondition(node.check);
    case "split": {
      const parts = node.branches.map((branch) => `${branch.label || branch.key} ${branch.percent}%`);
      if (node.holdoutPercent > 0) parts.push(`holdout ${node.holdoutPercent}%`);
      return parts.join(" · ");
    }
    case "action":
      return actionSummary(node.action);
    case "exit":
      return "Contacts leave the journey";
  }
}

export type OutputHandle = { id: string | null; label: string; tone: "neutral" | "yes" | "no" };

/** The ways out of a step, left to right; `id` is the edge's sourceHandle. */
export function outputHandles(node: JourneyNode): OutputHandle[] {
  switch (node.kind) {
    case "condition":
      return [
        { id: "yes", label: "Yes", tone: "yes" },
        { id: "no", label: "No", tone: "no" },
      ];
    case "split":
      return node.branches.map((branch) => ({
        id: branch.key,
        label: `${branch.label || branch.key} · ${branch.percent}%`,
        tone: "neutral",
      }));
    case "wait":
      return node.wait.type === "until_event"
        ? [
            { id: "event", label: "Event", tone: "yes" },
            { id: "timeout", label: "Timeout", tone: "no" },
          ]
        : [{ id: null, label: "Next", tone: "neutral" }];
    case "exit":
      return [];
    default:
      return [{ id: null, label: "Next", tone: "neutral" }];
  }
}

/** Every step but the trigger has a way in. */
export function hasInput(node: JourneyNode): boolean {
  return node.kind !== "trigger";
}
