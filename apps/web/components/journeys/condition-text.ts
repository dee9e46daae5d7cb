// A condition tree in words, for a card or a summary: "Tag is vip and consent email marketing is
// granted". Segment ids are not resolved here (the card has no query); the editor names them.
import type { Comparison, Condition, Scalar } from "./journey-definition";

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

export const FIELD_LABELS = {
  email: "Email",
  phone: "Phone",
  first_name: "First name",
  last_name: "Last name",
  time_zone: "Time zone",
  status: "Status",
  created_at: "Created at",
} as const;

/** Comparisons that take no value. */
export const VALUELESS: readonly Comparison[] = ["exists", "not_exists"];
/** Comparisons whose value is a list (typed comma-separated). */
export const LIST_COMPARISONS: readonly Comparison[] = ["in", "not_in"];

function valueText(value: Scalar | Scalar[] | undefined): string {
  if (value === undefined) return "…";
  if (Array.isArray(value)) return value.map(String).join(", ") || "…";
  return typeof value === "string" ? `“${value}”` : String(value);
}

export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case "and":
    case "or": {
      const joiner = condition.kind === "and" ? " and " : " or ";
      const parts = condition.conditions.map((part) =>
        part.kind === "and" || part.kind === "or" ? `(${describeCondition(part)})` : describeCondition(part),
      );
      return parts.join(joiner) || "No checks yet";
    }
    case "not":
      return `not (${describeCondition(condition.condition)})`;
    case "attribute":
    case "field": {
      const subject =
        condition.kind === "attribute" ? condition.key || "attribute" : FIELD_LABELS[condition.field];
      const op = COMPARISON_LABELS[condition.op];
      return VALUELESS.includes(condition.op)
        ? `${subject} ${op}`
        : `${subject} ${op} ${valueText(condition.value)}`;
    }
    case "tag":
      return `${condition.op === "has" ? "Has" : "Does not have"} tag ${condition.tag || "…"}`;
    case "consent":
      return `${condition.channel.toUpperCase()} ${condition.type} consent is ${condition.status}`;
    case "event": {
      const verb = condition.op === "performed" ? "Did" : "Did not do";
      const window = condition.within
        ? ` in the last ${condition.within.amount} ${condition.within.unit}`
        : "";
      const times =
        condition.op === "performed" && condition.minCount > 1 ? ` ${condition.minCount}+ times` : "";
      return `${verb} “${condition.eventType || "…"}”${times}${window}`;
    }
    case "date": {
      const subject = condition.attribute ?? "Created at";
      const value = condition.value === undefined ? "" : ` ${condition.value}`;
      return `${subject} ${condition.op.replaceAll("_", " ")}${value}`;
    }
    case "segment":
      return condition.op === "member" ? "Is in the segment" : "Is not in the segment";
  }
}
