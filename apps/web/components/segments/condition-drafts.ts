// One condition row of the segment builder as the form edits it (text boxes hold strings), the
// choices each kind offers in words, and the defaults a new row starts with. The shapes mirror the
// domain's condition tree (packages/domain/src/automation/segments/conditions.ts), which the web
// app does not import: the API validates every tree again and reports problems per field.

export const COMPARISONS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "not_contains",
  "starts_with",
  "in",
  "not_in",
  "exists",
  "not_exists",
] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const COMPARISON_LABELS: Record<Comparison, string> = {
  eq: "is",
  neq: "is not",
  gt: "is greater than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  in: "is one of",
  not_in: "is none of",
  exists: "is set",
  not_exists: "is not set",
};

/** Comparisons that take no value ("is set"). */
export const takesNoValue = (op: Comparison): boolean => op === "exists" || op === "not_exists";
/** Comparisons whose value is a comma-separated list ("is one of"). */
export const takesList = (op: Comparison): boolean => op === "in" || op === "not_in";

export const CONTACT_FIELDS = [
  "email",
  "phone",
  "first_name",
  "last_name",
  "time_zone",
  "status",
  "created_at",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  email: "Email",
  phone: "Phone",
  first_name: "First name",
  last_name: "Last name",
  time_zone: "Time zone",
  status: "Status",
  created_at: "Created",
};

export const CONTACT_STATUS_VALUES = ["active", "unsubscribed", "bounced"] as const;

export const VALUE_TYPES = ["text", "number", "boolean", "date"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  text: "Text",
  number: "Number",
  boolean: "Yes/no",
  date: "Date",
};

/** The comparisons each contact field supports (the API refuses the others). */
export function fieldComparisons(field: ContactField): readonly Comparison[] {
  if (field === "created_at") return ["eq", "neq", "gt", "gte", "lt", "lte", "exists", "not_exists"];
  if (field === "status") return ["eq", "neq", "in", "not_in"];
  return COMPARISONS.filter((op) => !["gt", "gte", "lt", "lte"].includes(op));
}

/** Dates on the contact's own calendar (today is today in the contact's time zone). */
export const DATE_OPERATORS = [
  "is_today",
  "on",
  "before",
  "after",
  "within_last_days",
  "within_next_days",
  "more_than_days_ago",
  "anniversary_today",
  "anniversary_within_next_days",
] as const;
export type DateOperator = (typeof DATE_OPERATORS)[number];

export const DATE_OPERATOR_LABELS: Record<DateOperator, string> = {
  is_today: "is today",
  on: "is on",
  before: "is before",
  after: "is after",
  within_last_days: "is within the last (days)",
  within_next_days: "is within the next (days)",
  more_than_days_ago: "is more than (days) ago",
  anniversary_today: "has its anniversary today",
  anniversary_within_next_days: "has its anniversary within (days)",
};

/** What a date operator compares with: nothing, a calendar date, or a number of days. */
export function dateOperand(op: DateOperator): "none" | "date" | "days" {
  if (op === "is_today" || op === "anniversary_today") return "none";
  if (op === "on" || op === "before" || op === "after") return "date";
  return "days";
}

export const CONSENT_CHANNELS = ["email", "sms", "push"] as const;
export const CONSENT_TYPES = ["marketing", "transactional"] as const;
export const CONSENT_STATUSES = ["granted", "denied", "pending"] as const;
export const CONSENT_CHANNEL_LABELS = { email: "Email", sms: "SMS", push: "Push" } as const;
export const CONSENT_TYPE_LABELS = { marketing: "Marketing", transactional: "Transactional" } as const;
export const CONSENT_STATUS_LABELS = { granted: "Granted", denied: "Denied", pending: "Pending" } as const;

export const WINDOW_UNITS = ["minutes", "hours", "days"] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

/** Event types the product itself records; integrators add their own (any name is accepted). */
export const KNOWN_EVENT_TYPES = [
  "email_sent",
  "email_delivered",
  "email_opened",
  "email_clicked",
  "email_bounced",
  "unsubscribed",
  "sms_sent",
  "push_opened",
  "journey_entered",
  "journey_step_completed",
  "journey_exited",
  "consent_granted",
  "consent_revoked",
] as const;

export type AttributeDraft = {
  kind: "attribute";
  key: string;
  op: Comparison;
  valueType: ValueType;
  value: string;
};
export type FieldDraft = { kind: "field"; field: ContactField; op: Comparison; value: string };
export type TagDraft = { kind: "tag"; op: "has" | "not_has"; tag: string };
export type ConsentDraft = {
  kind: "consent";
  channel: (typeof CONSENT_CHANNELS)[number];
  type: (typeof CONSENT_TYPES)[number];
  status: (typeof CONSENT_STATUSES)[number];
};
export type EventDraft = {
  kind: "event";
  eventType: string;
  op: "performed" | "not_performed";
  /** Empty: ever; else "in the last <amount> <unit>". */
  windowAmount: string;
  windowUnit: WindowUnit;
  minCount: string;
  /** Conditions on the event's payload: kept as loaded (the builder does not edit them). */
  where: unknown[];
};
export type DateDraft = {
  kind: "date";
  /** An attribute holding a date (birthday, renewal…), or the day the contact was created. */
  target: "attribute" | "created_at";
  attribute: string;
  op: DateOperator;
  value: string;
};
/** A segment the "member of" condition can name: its row id (what trees hold) and its name. */
export type SegmentOption = { id: string; name: string };

export type SegmentDraft = { kind: "segment"; op: "member" | "not_member"; segmentId: string };

export type RuleDraft =
  | AttributeDraft
  | FieldDraft
  | TagDraft
  | ConsentDraft
  | EventDraft
  | DateDraft
  | SegmentDraft;
export type RuleKind = RuleDraft["kind"];

export const RULE_KINDS = [
  "attribute",
  "field",
  "tag",
  "consent",
  "event",
  "segment",
] as const satisfies readonly RuleKind[];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  attribute: "Attribute",
  field: "Contact field",
  tag: "Tag",
  consent: "Consent",
  event: "Event",
  date: "Date",
  segment: "Segment membership",
};

export function defaultRule(kind: RuleKind): RuleDraft {
  switch (kind) {
    case "attribute":
      return { kind, key: "", op: "eq", valueType: "text", value: "" };
    case "field":
      return { kind, field: "email", op: "contains", value: "" };
    case "tag":
      return { kind, op: "has", tag: "" };
    case "consent":
      return { kind, channel: "email", type: "marketing", status: "granted" };
    case "event":
      return {
        kind,
        eventType: "email_opened",
        op: "performed",
        windowAmount: "7",
        windowUnit: "days",
        minCount: "1",
        where: [],
      };
    case "date":
      return { kind, target: "attribute", attribute: "", op: "anniversary_within_next_days", value: "7" };
    case "segment":
      return { kind, op: "member", segmentId: "" };
  }
}
