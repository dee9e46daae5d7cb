// The segment condition tree: what marketers draw in the condition builder and what journey
// condition, goal and exit nodes check. Validated here; compiled to one SQL predicate over
// contacts by compile-conditions.ts (never evaluated contact by contact in JavaScript).
import { z } from "zod";

/** Contact columns a condition may compare (the rest of a contact's data is in attributes). */
export const CONTACT_FIELDS = [
  "email",
  "phone",
  "first_name",
  "last_name",
  "time_zone",
  "status",
  "created_at",
] as const;

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

const Scalar = z.union([z.string().max(1_000), z.number().finite(), z.boolean()]);
const ComparedValue = z.union([Scalar, z.array(Scalar).max(500)]).optional();

/** A duration back from now ("in the last 7 days"). */
export const Window = z.object({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(["minutes", "hours", "days"]),
});
export type Window = z.output<typeof Window>;

export const AttributeCondition = z.object({
  kind: z.literal("attribute"),
  /** A key of contacts.attributes (letters, digits, _ . -). */
  key: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "Attribute keys are letters, digits, _ . and -."),
  op: z.enum(COMPARISONS),
  value: ComparedValue,
});

export const FieldCondition = z.object({
  kind: z.literal("field"),
  field: z.enum(CONTACT_FIELDS),
  op: z.enum(COMPARISONS),
  value: ComparedValue,
});

export const TagCondition = z.object({
  kind: z.literal("tag"),
  op: z.enum(["has", "not_has"]),
  tag: z.string().trim().min(1).max(40),
});

export const ConsentCondition = z.object({
  kind: z.literal("consent"),
  channel: z.enum(["email", "sms", "push"]),
  type: z.enum(["marketing", "transactional"]),
  /** A contact without a record counts as pending. */
  status: z.enum(["granted", "denied", "pending"]),
});

export const EventCondition = z.object({
  kind: z.literal("event"),
  /** A marketing event type (email_opened…) or an integrator's custom type. */
  eventType: z.string().trim().min(1).max(100),
  op: z.enum(["performed", "not_performed"]),
  /** Only events in this window count; null: ever. */
  within: Window.nullable().default(null),
  /** Performed at least this many times (op performed). */
  minCount: z.number().int().min(1).max(1_000_000).default(1),
  /** Conditions on the event's payload, all of which must hold. */
  where: z
    .array(
      z.object({
        key: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
        op: z.enum(COMPARISONS),
        value: ComparedValue,
      }),
    )
    .max(10)
    .default([]),
});

/** Date operators, evaluated on the contact's calendar (today is today in the contact's time zone). */
export const DATE_OPERATORS = [
  /** The date is today. */
  "is_today",
  /** value: a date YYYY-MM-DD. */
  "on",
  "before",
  "after",
  /** value: days N — between N days ago and today, both included. */
  "within_last_days",
  /** value: days N — between today and N days ahead, both included. */
  "within_next_days",
  /** value: days N — earlier than N days ago. */
  "more_than_days_ago",
  /** Same month and day as today (a birthday; 29 February falls on the 28th in other years). */
  "anniversary_today",
  /** value: days N — the next anniversary is within N days (today included). */
  "anniversary_within_next_days",
] as const;
export type DateOperator = (typeof DATE_OPERATORS)[number];

/**
 * A date on the contact's calendar: an attribute holding a date ("YYYY-MM-DD", or an ISO date-time
 * whose date part is taken as written), or the contact's creation (its date in the contact's
 * time zone). Name exactly one of attribute and field.
 */
export const DateCondition = z.object({
  kind: z.literal("date"),
  attribute: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "Attribute keys are letters, digits, _ . and -.")
    .optional(),
  field: z.enum(["created_at"]).optional(),
  op: z.enum(DATE_OPERATORS),
  /** A date (YYYY-MM-DD) for on/before/after, a number of days for the *_days operators. */
  value: z.union([z.string().max(40), z.number().int().min(0).max(36_500)]).optional(),
});

export const SegmentMembershipCondition = z.object({
  kind: z.literal("segment"),
  segmentId: z.uuid(),
  op: z.enum(["member", "not_member"]),
});

export type Condition =
  | { kind: "and"; conditions: Condition[] }
  | { kind: "or"; conditions: Condition[] }
  | { kind: "not"; condition: Condition }
  | z.output<typeof AttributeCondition>
  | z.output<typeof FieldCondition>
  | z.output<typeof TagCondition>
  | z.output<typeof ConsentCondition>
  | z.output<typeof EventCondition>
  | z.output<typeof DateCondition>
  | z.output<typeof SegmentMembershipCondition>;

/** Nesting deeper than this is refused: a tree is for people to read. */
export const MAX_DEPTH = 8;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("and"),
      conditions: z.array(Condition).min(1, "Add at least one condition.").max(50),
    }),
    z.object({
      kind: z.literal("or"),
      conditions: z.array(Condition).min(1, "Add at least one condition.").max(50),
    }),
    z.object({ kind: z.literal("not"), condition: Condition }),
    AttributeCondition,
    FieldCondition,
    TagCondition,
    ConsentCondition,
    EventCondition,
    DateCondition,
    SegmentMembershipCondition,
  ]),
) as z.ZodType<Condition>;
