// A journey definition as the console edits it: the same shape as the domain's zod contract
// (packages/domain/src/automation/journeys/definition.ts), mirrored as types because the web app
// does not load the domain package. The API validates every draft it saves and names each problem
// with its node, so the console only reads the JSON leniently (a draft may be incomplete).

export type DurationUnit = "minutes" | "hours" | "days";
export type Duration = { amount: number; unit: DurationUnit };

export type Trigger =
  | { type: "segment_entry"; segmentId: string }
  | { type: "event"; eventType: string }
  | { type: "manual" };

export type Wait =
  | { type: "duration"; duration: Duration }
  | { type: "until_time"; time: string; weekdays: number[] }
  | { type: "until_event"; eventType: string; timeout: Duration };

export type ContentType = "social_post" | "email" | "blog_post" | "ad_copy" | "sms";

export type Action =
  | { type: "send_email"; subject: string; body: string; templateId: string | null }
  | { type: "send_sms"; text: string }
  | { type: "add_tag"; tag: string }
  | { type: "remove_tag"; tag: string }
  | { type: "update_attribute"; key: string; value: string | number | boolean | null }
  | { type: "call_webhook"; connectorId: string }
  | { type: "generate_content"; contentType: ContentType; prompt: string }
  | { type: "start_workflow"; workflowKey: string };

export type Scalar = string | number | boolean;
export type Comparison =
  | "eq"
  | "neq"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "contains"
  | "not_contains"
  | "starts_with"
  | "in"
  | "not_in"
  | "exists"
  | "not_exists";
export type ContactField =
  | "email"
  | "phone"
  | "first_name"
  | "last_name"
  | "time_zone"
  | "status"
  | "created_at";

/** The segment condition tree (packages/domain/src/automation/segments/conditions.ts). */
export type Condition =
  | { kind: "and"; conditions: Condition[] }
  | { kind: "or"; conditions: Condition[] }
  | { kind: "not"; condition: Condition }
  | { kind: "attribute"; key: string; op: Comparison; value?: Scalar | Scalar[] }
  | { kind: "field"; field: ContactField; op: Comparison; value?: Scalar | Scalar[] }
  | { kind: "tag"; op: "has" | "not_has"; tag: string }
  | {
      kind: "consent";
      channel: "email" | "sms" | "push";
      type: "marketing" | "transactional";
      status: "granted" | "denied" | "pending";
    }
  | {
      kind: "event";
      eventType: string;
      op: "performed" | "not_performed";
      within: { amount: number; unit: DurationUnit } | null;
      minCount: number;
      where: { key: string; op: Comparison; value?: Scalar | Scalar[] }[];
    }
  | {
      kind: "date";
      attribute?: string;
      field?: "created_at";
      op: string;
      value?: string | number;
    }
  | { kind: "segment"; segmentId: string; op: "member" | "not_member" };

export type SplitBranch = { key: string; label: string; percent: number };

type NodeBase = { id: string; label: string; position?: { x: number; y: number } };

export type JourneyNode = NodeBase &
  (
    | { kind: "trigger"; trigger: Trigger }
    | { kind: "wait"; wait: Wait }
    | { kind: "condition"; check: Condition }
    | { kind: "split"; branches: SplitBranch[]; holdoutPercent: number }
    | { kind: "action"; action: Action }
    | { kind: "goal"; check: Condition }
    | { kind: "exit" }
  );
export type NodeKind = JourneyNode["kind"];
export type NodeOf<K extends NodeKind> = Extract<JourneyNode, { kind: K }>;

/** sourceHandle: "yes" | "no" (condition), a branch key (split), "event" | "timeout" (wait until
 * an event); null for nodes with a single way out. */
export type JourneyEdge = { id: string; source: string; target: string; sourceHandle: string | null };

export type ReEntry = { mode: "never" } | { mode: "after"; days: number } | { mode: "always" };

export type JourneySettings = {
  reEntry: ReEntry;
  frequencyCap: { maxMessages: number; periodHours: number } | null;
  quietHours: { start: string; end: string } | null;
  exitCriteria: Condition | null;
};

export type JourneyDefinition = {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  settings: JourneySettings;
};

export const NODE_KINDS = [
  "trigger",
  "wait",
  "condition",
  "split",
  "action",
  "goal",
  "exit",
] as const satisfies readonly NodeKind[];

export const DEFAULT_SETTINGS: JourneySettings = {
  reEntry: { mode: "never" },
  frequencyCap: null,
  quietHours: null,
  exitCriteria: null,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The draft JSON the API returns, as a definition. Entries that are not even shaped like a node or
 * an edge are dropped (the API would not have saved them); everything else is kept as it is, so
 * an incomplete step stays on the canvas with its problem shown.
 */
export function readDefinition(json: unknown): JourneyDefinition {
  const source = isRecord(json) ? json : {};
  const nodes = (Array.isArray(source.nodes) ? source.nodes : []).filter(
    (node): node is JourneyNode =>
      isRecord(node) && typeof node.id === "string" && (NODE_KINDS as readonly unknown[]).includes(node.kind),
  );
  const edges = (Array.isArray(source.edges) ? source.edges : [])
    .filter(
      (edge): edge is Record<string, unknown> =>
        isRecord(edge) && typeof edge.source === "string" && typeof edge.target === "string",
    )
    .map(
      (edge, index): JourneyEdge => ({
        id: typeof edge.id === "string" ? edge.id : `e${index}`,
        source: edge.source as string,
        target: edge.target as string,
        sourceHandle: typeof edge.sourceHandle === "string" ? edge.sourceHandle : null,
      }),
    );
  const settings = isRecord(source.settings) ? source.settings : {};
  return {
    nodes: nodes.map((node) => ({ ...node, label: typeof node.label === "string" ? node.label : "" })),
    edges,
    settings: { ...DEFAULT_SETTINGS, ...(settings as Partial<JourneySettings>) },
  };
}
