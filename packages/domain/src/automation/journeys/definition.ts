// A journey definition: nodes, edges and settings (DOMAIN.md §5). The draft may be incomplete;
// validate-journey.ts lists its problems per node, and only a definition without problems is
// published (journey_versions, immutable). The executor runs published definitions only.
import { z } from "zod";
import { Condition } from "../segments/conditions.ts";

const NodeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Node ids are letters, digits, _ and -.");
const Duration = z.object({
  amount: z.number().int().min(0).max(100_000),
  unit: z.enum(["minutes", "hours", "days"]),
});
/** "HH:MM", 24-hour. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:00.");

export const Trigger = z.discriminatedUnion("type", [
  z.object({ type: z.literal("segment_entry"), segmentId: z.uuid() }),
  z.object({ type: z.literal("event"), eventType: z.string().trim().min(1).max(100) }),
  /** Enrolled by people in the console or by integrators (enrolContacts). */
  z.object({ type: z.literal("manual") }),
]);

export const Wait = z.discriminatedUnion("type", [
  z.object({ type: z.literal("duration"), duration: Duration }),
  /** The next time the contact's clock shows `time` (optionally only on some weekdays, 1 = Monday). */
  z.object({
    type: z.literal("until_time"),
    time: TimeOfDay,
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  }),
  /** Until the contact performs the event (edge handle "event"), or the timeout passes ("timeout"). */
  z.object({
    type: z.literal("until_event"),
    eventType: z.string().trim().min(1).max(100),
    timeout: Duration,
  }),
]);

export const Action = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("send_email"),
    subject: z.string().max(300),
    /** Text with {{variables}} (contact fields and attributes); HTML is rendered from it, escaped. */
    body: z.string().max(100_000),
    /** Optional content template to render instead of subject/body. */
    templateId: z.uuid().nullable().default(null),
  }),
  z.object({ type: z.literal("send_sms"), text: z.string().max(1_600) }),
  z.object({ type: z.literal("add_tag"), tag: z.string().trim().min(1).max(40) }),
  z.object({ type: z.literal("remove_tag"), tag: z.string().trim().min(1).max(40) }),
  z.object({
    type: z.literal("update_attribute"),
    key: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    value: z.union([z.string().max(1_000), z.number().finite(), z.boolean(), z.null()]),
  }),
  /** Posts the contact and journey to a webhook connector (signed like every webhook). */
  z.object({ type: z.literal("call_webhook"), connectorId: z.uuid() }),
  /** Generates content with the account's tokens (content generation, metered). */
  z.object({
    type: z.literal("generate_content"),
    contentType: z.enum(["social_post", "email", "blog_post", "ad_copy", "sms"]),
    prompt: z.string().max(4_000),
  }),
  /** Starts a durable workflow (the workflow engine issue implements the port). */
  z.object({ type: z.literal("start_workflow"), workflowKey: z.string().trim().min(1).max(100) }),
]);

const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
const Base = { id: NodeId, label: z.string().max(120).default(""), position: Position.optional() };

export const JourneyNode = z.discriminatedUnion("kind", [
  z.object({ ...Base, kind: z.literal("trigger"), trigger: Trigger }),
  z.object({ ...Base, kind: z.literal("wait"), wait: Wait }),
  /** Branches "yes" and "no", on the contact's data at the moment it arrives. */
  z.object({ ...Base, kind: z.literal("condition"), check: Condition }),
  /** Branches by key; a contact's branch is deterministic (hash of contact and node). The holdout
   * share exits without any branch. Percentages plus holdout sum to 100. */
  z.object({
    ...Base,
    kind: z.literal("split"),
    branches: z
      .array(
        z.object({
          key: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
          label: z.string().max(60).default(""),
          percent: z.number().int().min(0).max(100),
        }),
      )
      .min(2, "A split needs at least two branches.")
      .max(10),
    holdoutPercent: z.number().int().min(0).max(100).default(0),
  }),
  z.object({ ...Base, kind: z.literal("action"), action: Action }),
  /** Contacts who meet `check` (at this node, or at any later step) exit as converted. */
  z.object({ ...Base, kind: z.literal("goal"), check: Condition }),
  z.object({ ...Base, kind: z.literal("exit") }),
]);
export type JourneyNode = z.output<typeof JourneyNode>;
export type NodeKind = JourneyNode["kind"];

/** sourceHandle: "yes" | "no" for conditions, a branch key for splits, "event" | "timeout" for
 * waits until an event; absent for single-exit nodes. */
export const JourneyEdge = z.object({
  id: z.string().min(1).max(100),
  source: NodeId,
  target: NodeId,
  sourceHandle: z.string().max(32).nullable().default(null),
});
export type JourneyEdge = z.output<typeof JourneyEdge>;

export const JourneySettings = z.object({
  reEntry: z
    .discriminatedUnion("mode", [
      z.object({ mode: z.literal("never") }),
      z.object({ mode: z.literal("after"), days: z.number().int().min(1).max(3_650) }),
      z.object({ mode: z.literal("always") }),
    ])
    .default({ mode: "never" }),
  /** At most maxMessages marketing messages per contact per periodHours, across all journeys. */
  frequencyCap: z
    .object({
      maxMessages: z.number().int().min(1).max(1_000),
      periodHours: z.number().int().min(1).max(8_760),
    })
    .nullable()
    .default(null),
  /** No message is sent between start and end in the contact's zone; sends wait for the end. */
  quietHours: z.object({ start: TimeOfDay, end: TimeOfDay }).nullable().default(null),
  /** Contacts who come to meet this exit the journey (checked before every step). */
  exitCriteria: Condition.nullable().default(null),
});
export type JourneySettings = z.output<typeof JourneySettings>;

export const JourneyDefinition = z.object({
  nodes: z.array(JourneyNode).max(200, "A journey has at most 200 nodes."),
  edges: z.array(JourneyEdge).max(400),
  settings: JourneySettings.default(JourneySettings.parse({})),
});
export type JourneyDefinition = z.output<typeof JourneyDefinition>;

/** A new journey's draft: a manual trigger and nothing else. */
export const emptyDefinition = (): JourneyDefinition => ({
  nodes: [
    { id: "trigger", kind: "trigger", label: "Start", trigger: { type: "manual" }, position: { x: 0, y: 0 } },
  ],
  edges: [],
  settings: JourneySettings.parse({}),
});
