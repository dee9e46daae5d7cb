// What the zod schema cannot say about a condition tree: whether each operator has the value it
// needs (none, one, a list; a number or a date for ordering comparisons), whether a field supports
// the operator, and how deep the tree nests. Pure: references to other segments are checked in
// validate-conditions.ts. Each problem names its field path, as zod's issues do.
import type { UserError } from "../../errors.ts";
import { isInstant, TIME_COMPARISONS } from "./compare-dates.ts";
import { type Compared, isCalendarDate } from "./compare-json.ts";
import { type Comparison, type Condition, type DateOperator, MAX_DEPTH } from "./conditions.ts";

const CONTACT_STATUSES = ["active", "unsubscribed", "bounced"];
const NO_VALUE: readonly string[] = ["exists", "not_exists", "is_today", "anniversary_today"];
const LIST: readonly string[] = ["in", "not_in"];
const ORDERING: readonly string[] = ["gt", "gte", "lt", "lte"];
const TEXT_MATCH: readonly string[] = ["contains", "not_contains", "starts_with"];
const DAYS: readonly DateOperator[] = [
  "within_last_days",
  "within_next_days",
  "more_than_days_ago",
  "anniversary_within_next_days",
];

type Problem = (path: string[], message: string) => void;

/** The tree's problems; an empty list means it compiles to SQL that cannot fail. */
export function conditionProblems(condition: Condition, prefix: string[] = []): UserError[] {
  const problems: UserError[] = [];
  const report: Problem = (path, message) =>
    problems.push({ field: path.length > 0 ? path.join(".") : null, code: "INVALID", message });
  let tooDeep = false;
  const walk = (node: Condition, path: string[], depth: number) => {
    if (depth > MAX_DEPTH && !tooDeep) {
      tooDeep = true;
      report(path, `Conditions can nest at most ${MAX_DEPTH} levels deep.`);
    }
    if (node.kind === "and" || node.kind === "or") {
      for (const [i, child] of node.conditions.entries()) {
        walk(child, [...path, "conditions", String(i)], depth + 1);
      }
    } else if (node.kind === "not") {
      walk(node.condition, [...path, "condition"], depth + 1);
    } else if (node.kind === "attribute") {
      comparisonProblems(node.op, node.value, path, report, { dates: true });
    } else if (node.kind === "field") {
      fieldProblems(node, path, report);
    } else if (node.kind === "event") {
      for (const [i, w] of node.where.entries()) {
        comparisonProblems(w.op, w.value, [...path, "where", String(i)], report, { dates: true });
      }
    } else if (node.kind === "date") {
      dateProblems(node, path, report);
    }
  };
  walk(condition, prefix, 1);
  return problems;
}

function comparisonProblems(
  op: Comparison,
  value: Compared,
  path: string[],
  report: Problem,
  options: { dates: boolean },
): void {
  const at = [...path, "value"];
  if (NO_VALUE.includes(op)) {
    if (value !== undefined) report(at, `"${op}" takes no value.`);
  } else if (value === undefined) {
    report(at, `"${op}" needs a value.`);
  } else if (LIST.includes(op)) {
    if (!Array.isArray(value) || value.length === 0) report(at, `"${op}" needs a list of values.`);
  } else if (Array.isArray(value)) {
    report(at, `"${op}" compares with one value, not a list.`);
  } else if (ORDERING.includes(op)) {
    const date = typeof value === "string" && options.dates && isCalendarDate(value);
    if (typeof value !== "number" && !date) {
      report(
        at,
        options.dates ? `"${op}" needs a number or a date (YYYY-MM-DD).` : `"${op}" needs a number.`,
      );
    }
  } else if (TEXT_MATCH.includes(op) && (typeof value === "boolean" || String(value).length === 0)) {
    report(at, `"${op}" needs some text.`);
  }
}

function fieldProblems(node: Extract<Condition, { kind: "field" }>, path: string[], report: Problem): void {
  if (node.field === "created_at") {
    createdAtProblems(node, path, report);
  } else if (ORDERING.includes(node.op)) {
    report([...path, "op"], `${node.field} is text: use eq, contains, starts_with, in…`);
  } else if (node.field === "status" && TEXT_MATCH.includes(node.op)) {
    report([...path, "op"], "Compare the status with eq, neq, in or not_in.");
  } else {
    if (node.field === "status") {
      const values = Array.isArray(node.value) ? node.value : node.value === undefined ? [] : [node.value];
      if (values.some((v) => !CONTACT_STATUSES.includes(String(v)))) {
        report([...path, "value"], `A contact's status is ${CONTACT_STATUSES.join(", ")}.`);
      }
    }
    comparisonProblems(node.op, node.value, path, report, { dates: false });
  }
}

/** created_at: an instant, or a date on the contact's calendar (compare-dates.ts). */
function createdAtProblems(
  node: Extract<Condition, { kind: "field" }>,
  path: string[],
  report: Problem,
): void {
  if (node.op === "exists" || node.op === "not_exists") {
    comparisonProblems(node.op, node.value, path, report, { dates: false });
  } else if (!(TIME_COMPARISONS as string[]).includes(node.op)) {
    report([...path, "op"], "created_at compares with eq, neq, gt, gte, lt or lte.");
  } else if (typeof node.value !== "string" || !(isCalendarDate(node.value) || isInstant(node.value))) {
    report([...path, "value"], "Give a date (YYYY-MM-DD) or a date and time (ISO 8601).");
  }
}

function dateProblems(node: Extract<Condition, { kind: "date" }>, path: string[], report: Problem): void {
  if ((node.attribute === undefined) === (node.field === undefined)) {
    report([...path, "attribute"], "Name either an attribute or the created_at field.");
  }
  const at = [...path, "value"];
  if (NO_VALUE.includes(node.op)) {
    if (node.value !== undefined) report(at, `"${node.op}" takes no value.`);
  } else if (DAYS.includes(node.op)) {
    if (typeof node.value !== "number") report(at, `"${node.op}" needs a number of days.`);
  } else if (typeof node.value !== "string" || !isCalendarDate(node.value)) {
    report(at, `"${node.op}" needs a date (YYYY-MM-DD).`);
  }
}
