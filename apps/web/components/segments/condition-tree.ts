// The builder's tree: groups (AND/OR, optionally negated) holding condition rows and more groups,
// each node with a stable id for React keys and for pinning problems to the row they concern.
// Converted to and from the API's condition tree (JSON), where a negated group is `not` wrapped
// around an `and`/`or`; every node remembers its path in that JSON so a problem the API reports
// for `conditions.1.value` lands next to the second row.
import {
  COMPARISONS,
  CONTACT_FIELDS,
  type Comparison,
  type ContactField,
  DATE_OPERATORS,
  type DateOperator,
  dateOperand,
  defaultRule,
  type RuleDraft,
  type RuleKind,
  takesList,
  takesNoValue,
  type ValueType,
  WINDOW_UNITS,
  type WindowUnit,
} from "./condition-drafts";

export type RuleNode = { id: string; type: "rule"; rule: RuleDraft };
export type GroupNode = {
  id: string;
  type: "group";
  combinator: "and" | "or";
  negate: boolean;
  children: BuilderNode[];
};
export type BuilderNode = RuleNode | GroupNode;

let nextId = 0;
/** Ids only need to be unique within the page; they never reach the DOM or the API. */
const newId = () => `node-${++nextId}`;

export function newRuleNode(kind: RuleKind = "attribute"): RuleNode {
  return { id: newId(), type: "rule", rule: defaultRule(kind) };
}

export function newGroupNode(combinator: "and" | "or" = "and", children: BuilderNode[] = []): GroupNode {
  return { id: newId(), type: "group", combinator, negate: false, children };
}

/** The tree with node `id` replaced by what `change` makes of it. */
export function updateNode(
  node: BuilderNode,
  id: string,
  change: (node: BuilderNode) => BuilderNode,
): BuilderNode {
  if (node.id === id) return change(node);
  if (node.type === "rule") return node;
  return { ...node, children: node.children.map((child) => updateNode(child, id, change)) };
}

export function updateGroup(root: GroupNode, id: string, change: (group: GroupNode) => GroupNode): GroupNode {
  return updateNode(root, id, (node) => (node.type === "group" ? change(node) : node)) as GroupNode;
}

export function updateRule(root: GroupNode, id: string, rule: RuleDraft): GroupNode {
  return updateNode(root, id, (node) => (node.type === "rule" ? { ...node, rule } : node)) as GroupNode;
}

export function addChild(root: GroupNode, groupId: string, child: BuilderNode): GroupNode {
  return updateGroup(root, groupId, (group) => ({ ...group, children: [...group.children, child] }));
}

export function removeNode(root: GroupNode, id: string): GroupNode {
  const prune = (group: GroupNode): GroupNode => ({
    ...group,
    children: group.children
      .filter((child) => child.id !== id)
      .map((child) => (child.type === "group" ? prune(child) : child)),
  });
  return prune(root);
}

export function countRules(node: BuilderNode): number {
  return node.type === "rule" ? 1 : node.children.reduce((sum, child) => sum + countRules(child), 0);
}

// --- to the API ---------------------------------------------------------------------------------

export type Serialized = {
  /** The API's condition tree. */
  conditions: Record<string, unknown>;
  /** Each node's path in `conditions` ("" for the root, "conditions.0", "condition.conditions.1"…). */
  paths: Map<string, string>;
  /** Mistakes found before asking the API (a number that is not one), by node id. */
  localProblems: Map<string, string>;
};

const join = (path: string, part: string | number) => (path === "" ? String(part) : `${path}.${part}`);

export function toConditions(root: GroupNode): Serialized {
  const paths = new Map<string, string>();
  const localProblems = new Map<string, string>();

  function group(node: GroupNode, path: string): Record<string, unknown> {
    paths.set(node.id, path);
    const inner = node.negate ? join(path, "condition") : path;
    const tree = {
      kind: node.combinator,
      conditions: node.children.map((child, index) => visit(child, join(inner, `conditions.${index}`))),
    };
    return node.negate ? { kind: "not", condition: tree } : tree;
  }

  function visit(node: BuilderNode, path: string): Record<string, unknown> {
    if (node.type === "group") return group(node, path);
    paths.set(node.id, path);
    const { condition, problem } = ruleToCondition(node.rule);
    if (problem) localProblems.set(node.id, problem);
    return condition;
  }

  return { conditions: group(root, ""), paths, localProblems };
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseScalar(text: string, type: ValueType): { value: string | number | boolean; problem?: string } {
  const trimmed = text.trim();
  if (type === "number") {
    const number = Number(trimmed);
    return trimmed === "" || !Number.isFinite(number)
      ? { value: trimmed, problem: "Enter a number." }
      : { value: number };
  }
  if (type === "boolean") return { value: trimmed === "true" };
  if (type === "date") {
    return CALENDAR_DATE.test(trimmed) ? { value: trimmed } : { value: trimmed, problem: "Choose a date." };
  }
  return { value: text };
}

function comparedValue(op: Comparison, text: string, type: ValueType) {
  if (takesNoValue(op)) return { value: undefined };
  if (takesList(op)) {
    const parts = text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => parseScalar(part, type));
    return { value: parts.map((part) => part.value), problem: parts.find((part) => part.problem)?.problem };
  }
  return parseScalar(text, type);
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function ruleToCondition(rule: RuleDraft): { condition: Record<string, unknown>; problem?: string } {
  switch (rule.kind) {
    case "attribute": {
      const { value, problem } = comparedValue(rule.op, rule.value, rule.valueType);
      const condition: Record<string, unknown> = { kind: "attribute", key: rule.key.trim(), op: rule.op };
      if (value !== undefined) condition.value = value;
      return { condition, problem };
    }
    case "field": {
      const { value } = comparedValue(rule.op, rule.value, "text");
      const condition: Record<string, unknown> = { kind: "field", field: rule.field, op: rule.op };
      if (value !== undefined) condition.value = value;
      return { condition };
    }
    case "tag":
      return { condition: { kind: "tag", op: rule.op, tag: rule.tag.trim() } };
    case "consent":
      return {
        condition: { kind: "consent", channel: rule.channel, type: rule.type, status: rule.status },
      };
    case "event": {
      const amount = rule.windowAmount.trim() === "" ? null : wholeNumber(rule.windowAmount);
      const minCount = rule.op === "performed" ? wholeNumber(rule.minCount) : 1;
      const problem =
        rule.windowAmount.trim() !== "" && amount === null
          ? "Enter the time window as a whole number, or leave it empty for “ever”."
          : minCount === null
            ? "Enter how many times as a whole number."
            : undefined;
      return {
        condition: {
          kind: "event",
          eventType: rule.eventType.trim(),
          op: rule.op,
          within: amount === null ? null : { amount, unit: rule.windowUnit },
          minCount: minCount ?? 1,
          where: rule.where,
        },
        problem,
      };
    }
    case "date": {
      const condition: Record<string, unknown> = { kind: "date", op: rule.op };
      if (rule.target === "created_at") condition.field = "created_at";
      else condition.attribute = rule.attribute.trim();
      const operand = dateOperand(rule.op);
      if (operand === "date") {
        const { value, problem } = parseScalar(rule.value, "date");
        return { condition: { ...condition, value }, problem };
      }
      if (operand === "days") {
        const days = wholeNumber(rule.value);
        return days === null
          ? { condition, problem: "Enter a number of days." }
          : { condition: { ...condition, value: days } };
      }
      return { condition };
    }
    case "segment":
      return { condition: { kind: "segment", segmentId: rule.segmentId, op: rule.op } };
  }
}

// --- from the API -------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const oneOf = <T extends string>(value: unknown, all: readonly T[], fallback: T): T =>
  all.includes(value as T) ? (value as T) : fallback;

function valueTypeOf(value: unknown): ValueType {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "number") return "number";
  if (typeof first === "boolean") return "boolean";
  if (typeof first === "string" && CALENDAR_DATE.test(first)) return "date";
  return "text";
}

const valueText = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(String).join(", ")
    : value === undefined || value === null
      ? ""
      : String(value);

export function conditionToRule(json: Json): RuleDraft | null {
  switch (json.kind) {
    case "attribute":
      return {
        kind: "attribute",
        key: text(json.key),
        op: oneOf(json.op, COMPARISONS, "eq"),
        valueType: valueTypeOf(json.value),
        value: valueText(json.value),
      };
    case "field":
      return {
        kind: "field",
        field: oneOf<ContactField>(json.field, CONTACT_FIELDS, "email"),
        op: oneOf(json.op, COMPARISONS, "eq"),
        value: valueText(json.value),
      };
    case "tag":
      return { kind: "tag", op: json.op === "not_has" ? "not_has" : "has", tag: text(json.tag) };
    case "consent": {
      const fallback = defaultRule("consent");
      if (fallback.kind !== "consent") return null;
      return {
        kind: "consent",
        channel: oneOf(json.channel, ["email", "sms", "push"] as const, fallback.channel),
        type: oneOf(json.type, ["marketing", "transactional"] as const, fallback.type),
        status: oneOf(json.status, ["granted", "denied", "pending"] as const, fallback.status),
      };
    }
    case "event": {
      const within = isObject(json.within) ? json.within : null;
      return {
        kind: "event",
        eventType: text(json.eventType),
        op: json.op === "not_performed" ? "not_performed" : "performed",
        windowAmount: within && typeof within.amount === "number" ? String(within.amount) : "",
        windowUnit: oneOf<WindowUnit>(within?.unit, WINDOW_UNITS, "days"),
        minCount: typeof json.minCount === "number" ? String(json.minCount) : "1",
        where: Array.isArray(json.where) ? json.where : [],
      };
    }
    case "date":
      return {
        kind: "date",
        target: json.field === "created_at" ? "created_at" : "attribute",
        attribute: text(json.attribute),
        op: oneOf<DateOperator>(json.op, DATE_OPERATORS, "on"),
        value: valueText(json.value),
      };
    case "segment":
      return {
        kind: "segment",
        op: json.op === "not_member" ? "not_member" : "member",
        segmentId: text(json.segmentId),
      };
    default:
      return null;
  }
}

function fromJson(json: unknown): BuilderNode | null {
  if (!isObject(json)) return null;
  if (json.kind === "and" || json.kind === "or") {
    const children = Array.isArray(json.conditions) ? json.conditions : [];
    return newGroupNode(
      json.kind,
      children.map(fromJson).filter((node): node is BuilderNode => node !== null),
    );
  }
  if (json.kind === "not") {
    const inner = fromJson(json.condition);
    if (!inner) return null;
    // NOT around a single row becomes a negated group of one: the builder negates groups only.
    const group = inner.type === "group" ? inner : newGroupNode("and", [inner]);
    return { ...group, negate: !group.negate };
  }
  const rule = conditionToRule(json);
  return rule ? { id: newId(), type: "rule", rule } : null;
}

/** The builder tree for a saved condition tree; the root is always a group. */
export function fromConditions(json: unknown): GroupNode {
  const node = fromJson(json);
  if (!node) return newGroupNode("and");
  return node.type === "group" ? node : newGroupNode("and", [node]);
}

// --- problems -----------------------------------------------------------------------------------

export type Problem = { field: string | null; message: string };

/**
 * Pins each problem to the deepest node whose path its field starts with. The API may name the
 * field from the tree's root ("conditions.0.key") or from its argument ("conditions.conditions.0.key",
 * "input.conditions…"): each reading is tried and the deepest match wins.
 */
export function problemsByNode(problems: readonly Problem[], paths: Map<string, string>) {
  const byNode = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const problem of problems) {
    const field = problem.field ?? "";
    let best: { id: string; depth: number } | null = null;
    for (const prefix of ["", "conditions.", "input.conditions.", "input."]) {
      if (prefix !== "" && !field.startsWith(prefix) && field !== prefix.slice(0, -1)) continue;
      const rest = prefix === "" ? field : field.slice(prefix.length);
      for (const [id, path] of paths) {
        const matches = path === "" || rest === path || rest.startsWith(`${path}.`);
        if (matches && (!best || path.length > best.depth)) best = { id, depth: path.length };
      }
    }
    // A field that names no part of the tree is the segment's, not a row's.
    if (!best || (best.depth === 0 && problem.field && !/^(input\.)?conditions/.test(problem.field))) {
      unplaced.push(problem.message);
      continue;
    }
    byNode.set(best.id, [...(byNode.get(best.id) ?? []), problem.message]);
  }
  return { byNode, unplaced };
}
