// The condition tree compiled to ONE SQL predicate over the contacts table, aliased `c`: callers
// write `select … from contacts c where ${compileConditions(tree, opts)}`. A segment's members, a
// preview's count, a journey's yes/no for one contact (`and c.id = …`) are all this predicate;
// nothing is ever evaluated contact by contact in JavaScript.
//
// - Every value and key is a bind parameter; keys are also checked by the zod schema's pattern.
// - The predicate includes `c.account_id = <account>` and `c.deleted_at is null`: deleted contacts
//   never match, whatever NOT is applied inside the tree.
// - Leaves are two-valued (see compare-json.ts): a condition on missing data is false, so NOT of it
//   is true — NOT (plan = 'pro') includes contacts with no plan, NOT (has consent granted) includes
//   contacts without a consent record.
// - Events are counted over marketing_events in a rolling window back from `now` (7 days means the
//   last 7 × 24 hours, not calendar days); `now` defaults to the statement's now() and is injected
//   by tests and by anything evaluating "as of" a moment.
// - Segment membership reads segment_memberships (the referenced segment's stored members), so a
//   referenced segment is refreshed before the segments that reference it (segment-graph.ts).
import { type SQL, sql } from "drizzle-orm";
import { compareCreatedAt, compareDate } from "./compare-dates.ts";
import { type Compared, compareJson, escapeLike, jsonKey } from "./compare-json.ts";
import type { Condition } from "./conditions.ts";

export interface CompileOptions {
  accountId: string;
  /** The clock for event windows and "today"; default the statement's now(). */
  now?: Date;
}

/** The predicate over `contacts c` for a parsed, validated condition tree. */
export function compileConditions(condition: Condition, options: CompileOptions): SQL {
  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  return sql`(c.account_id = ${options.accountId} and c.deleted_at is null and ${compileNode(condition, now)})`;
}

function compileNode(node: Condition, now: SQL): SQL {
  switch (node.kind) {
    case "and":
    case "or": {
      const parts = node.conditions.map((child) => compileNode(child, now));
      return sql`(${sql.join(parts, sql.raw(node.kind === "and" ? " and " : " or "))})`;
    }
    case "not":
      return sql`(not ${compileNode(node.condition, now)})`;
    case "attribute":
      return compareJson(jsonKey(sql`c.attributes`, node.key), node.op, node.value);
    case "field":
      return compileField(node.field, node.op, node.value);
    case "date":
      return compareDate(node, node.op, node.value, now);
    case "tag": {
      // tags is NOT NULL, so the containment is never unknown; @> can use the GIN index.
      const has = sql`c.tags @> ${sql.param([node.tag])}::text[]`;
      return node.op === "has" ? has : sql`(not ${has})`;
    }
    case "consent":
      return compileConsent(node);
    case "event":
      return compileEvent(node, now);
    case "segment": {
      const member = sql`exists (select 1 from segment_memberships m
        where m.account_id = c.account_id and m.segment_id = ${node.segmentId}
          and m.contact_id = c.id and m.exited_at is null)`;
      return node.op === "member" ? member : sql`(not ${member})`;
    }
  }
}

const COLUMNS = {
  email: sql`c.email`,
  phone: sql`c.phone`,
  first_name: sql`c.first_name`,
  last_name: sql`c.last_name`,
  time_zone: sql`c.time_zone`,
  status: sql`c.status::text`,
} as const;

/** A contact column: text compared ignoring case, created_at as a time (compare-dates.ts). */
function compileField(
  field: Extract<Condition, { kind: "field" }>["field"],
  op: Extract<Condition, { kind: "field" }>["op"],
  value: Compared,
): SQL {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (field === "created_at") return compareCreatedAt(op, String(values[0] ?? ""));
  const column = COLUMNS[field];
  const text = String(values[0] ?? "").toLowerCase();
  // email and phone may be null: coalesce keeps every leaf two-valued.
  const truthy = (p: SQL) => sql`coalesce(${p}, false)`;
  switch (op) {
    case "exists":
      return truthy(sql`${column} <> ''`);
    case "not_exists":
      return sql`(not ${truthy(sql`${column} <> ''`)})`;
    case "eq":
      return truthy(sql`lower(${column}) = ${text}`);
    case "neq":
      return sql`(not ${truthy(sql`lower(${column}) = ${text}`)})`;
    case "contains":
      return truthy(sql`lower(${column}) like ${`%${escapeLike(text)}%`}`);
    case "not_contains":
      return sql`(not ${truthy(sql`lower(${column}) like ${`%${escapeLike(text)}%`}`)})`;
    case "starts_with":
      return truthy(sql`lower(${column}) like ${`${escapeLike(text)}%`}`);
    case "in":
    case "not_in": {
      const any = truthy(
        sql`lower(${column}) = any(${sql.param(values.map((v) => String(v).toLowerCase()))}::text[])`,
      );
      return op === "in" ? any : sql`(not ${any})`;
    }
    default:
      // Ordering comparisons on text columns are refused by validation.
      return sql`false`;
  }
}

/** The contact's consent for a channel and type; no record counts as pending. */
function compileConsent(node: Extract<Condition, { kind: "consent" }>): SQL {
  const record = (status: SQL) => sql`exists (select 1 from consent_records r
    where r.account_id = c.account_id and r.contact_id = c.id
      and r.channel = ${node.channel}::consent_channel and r.type = ${node.type}::consent_type
      and ${status})`;
  if (node.status === "pending") return sql`(not ${record(sql`r.status <> 'pending'`)})`;
  return record(sql`r.status = ${node.status}::consent_status`);
}

// make_interval's argument names.
const UNITS = { minutes: "mins", hours: "hours", days: "days" } as const;

/**
 * Performed: at least minCount events of the type (in the window, matching every payload filter).
 * Counting stops at minCount (limit), so a contact with 10,000 opens costs no more than one with 3.
 */
function compileEvent(node: Extract<Condition, { kind: "event" }>, now: SQL): SQL {
  const filters = [
    sql`e.account_id = c.account_id`,
    sql`e.contact_id = c.id`,
    sql`e.type = ${node.eventType}`,
  ];
  if (node.within) {
    const span = sql`make_interval(${sql.raw(UNITS[node.within.unit])} => ${node.within.amount}::int)`;
    filters.push(sql`e.occurred_at >= (${now}) - ${span}`, sql`e.occurred_at <= (${now})`);
  }
  for (const w of node.where) filters.push(compareJson(jsonKey(sql`e.payload`, w.key), w.op, w.value));
  const where = sql.join(filters, sql` and `);
  const performed =
    node.minCount <= 1
      ? sql`exists (select 1 from marketing_events e where ${where})`
      : sql`((select count(*) from (select 1 from marketing_events e where ${where}
               limit ${node.minCount}::int) n) >= ${node.minCount}::int)`;
  return node.op === "performed" ? performed : sql`(not ${performed})`;
}
