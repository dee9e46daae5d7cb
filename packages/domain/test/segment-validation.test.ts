// Condition trees checked without a database: zod's shape with field paths under the input's
// field, the meaning of each operator and value, nesting depth, calendar dates, and the segment
// reference graph (loops found, refresh order with referenced segments first).
import { describe, expect, it } from "vitest";
import {
  type Condition,
  conditionProblems,
  dependencyOrder,
  MAX_DEPTH,
  parseConditions,
  pathBetween,
  segmentReferences,
} from "../src/index.ts";

const attr = (op: string, value?: unknown) => ({ kind: "attribute", key: "age", op, value }) as Condition;
const problemsOf = (condition: Condition) =>
  conditionProblems(condition, ["conditions"]).map((p) => [p.field, p.message]);

describe("parseConditions", () => {
  it("names each zod issue by its path under the field", () => {
    const { condition, problems } = parseConditions({
      kind: "and",
      conditions: [
        { kind: "tag", op: "has", tag: "vip" },
        { kind: "attribute", key: "bad key", op: "eq", value: { a: 1 } },
        { kind: "unknown" },
      ],
    });
    expect(condition).toBeNull();
    expect(problems.map((p) => p.field)).toEqual([
      "conditions.conditions.1.key",
      "conditions.conditions.1.value",
      "conditions.conditions.2.kind",
    ]);
    expect(problems[1]!.message).toContain("a text, a number");
  });

  it("takes value: null as no value, and fills defaults", () => {
    const { condition } = parseConditions({ kind: "event", eventType: "email_opened", op: "performed" });
    expect(condition).toEqual({
      kind: "event",
      eventType: "email_opened",
      op: "performed",
      within: null,
      minCount: 1,
      where: [],
    });
    expect(parseConditions({ kind: "attribute", key: "age", op: "exists", value: null }).problems).toEqual(
      [],
    );
  });

  it("uses the given field as the prefix", () => {
    expect(parseConditions("text", "changes.check").problems).toMatchObject([{ field: "changes.check" }]);
  });
});

describe("conditionProblems", () => {
  const cases: [string, Condition, [string, string][]][] = [
    ["exists takes no value", attr("exists", 1), [["conditions.value", '"exists" takes no value.']]],
    ["eq needs a value", attr("eq"), [["conditions.value", '"eq" needs a value.']]],
    ["in needs a list", attr("in", "pro"), [["conditions.value", '"in" needs a list of values.']]],
    ["in needs a non-empty list", attr("in", []), [["conditions.value", '"in" needs a list of values.']]],
    [
      "eq takes one value",
      attr("eq", [1, 2]),
      [["conditions.value", '"eq" compares with one value, not a list.']],
    ],
    [
      "gt needs a number or a date",
      attr("gt", "old"),
      [["conditions.value", '"gt" needs a number or a date (YYYY-MM-DD).']],
    ],
    [
      "gt takes an impossible date as no date",
      attr("gt", "2025-02-30"),
      [["conditions.value", '"gt" needs a number or a date (YYYY-MM-DD).']],
    ],
    ["contains needs text", attr("contains", true), [["conditions.value", '"contains" needs some text.']]],
    [
      "valid comparisons pass",
      { kind: "and", conditions: [attr("gt", 3), attr("lte", "2025-02-28"), attr("in", [1, "a"])] },
      [],
    ],
    [
      "text fields do not order",
      { kind: "field", field: "email", op: "gt", value: "a" },
      [["conditions.op", "email is text: use eq, contains, starts_with, in…"]],
    ],
    [
      "status values are the contact statuses",
      { kind: "field", field: "status", op: "in", value: ["active", "gone"] },
      [["conditions.value", "A contact's status is active, unsubscribed, bounced."]],
    ],
    [
      "created_at needs a date or an instant",
      { kind: "field", field: "created_at", op: "lt", value: "yesterday" },
      [["conditions.value", "Give a date (YYYY-MM-DD) or a date and time (ISO 8601)."]],
    ],
    [
      "created_at takes an instant",
      { kind: "field", field: "created_at", op: "gte", value: "2026-01-01T10:00:00Z" },
      [],
    ],
    [
      "a date condition names an attribute or the field",
      { kind: "date", op: "is_today" },
      [["conditions.attribute", "Name either an attribute or the created_at field."]],
    ],
    [
      "a days operator needs days",
      { kind: "date", attribute: "birthday", op: "within_next_days", value: "2025-01-01" },
      [["conditions.value", '"within_next_days" needs a number of days.']],
    ],
    [
      "event payload filters are checked too",
      {
        kind: "event",
        eventType: "purchase",
        op: "performed",
        within: null,
        minCount: 1,
        where: [{ key: "total", op: "gt", value: "a lot" }],
      },
      [["conditions.where.0.value", '"gt" needs a number or a date (YYYY-MM-DD).']],
    ],
  ];
  it.each(cases)("%s", (_name, condition, expected) => {
    expect(problemsOf(condition)).toEqual(expected);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, once`, () => {
    let tree: Condition = attr("exists");
    for (let i = 0; i < MAX_DEPTH - 1; i++) tree = { kind: "not", condition: tree };
    expect(problemsOf(tree)).toEqual([]);
    tree = {
      kind: "and",
      conditions: [
        { kind: "not", condition: tree },
        { kind: "not", condition: tree },
      ],
    };
    const problems = problemsOf(tree);
    expect(problems).toHaveLength(1);
    expect(problems[0]![1]).toContain(`${MAX_DEPTH} levels`);
  });
});

describe("the segment reference graph", () => {
  const a = "00000000-0000-4000-8000-00000000000a";
  const b = "00000000-0000-4000-8000-00000000000b";
  const c = "00000000-0000-4000-8000-00000000000c";

  it("finds references with their paths", () => {
    const tree: Condition = {
      kind: "or",
      conditions: [
        attr("exists"),
        { kind: "not", condition: { kind: "segment", segmentId: a, op: "member" } },
      ],
    };
    expect(segmentReferences(tree, ["conditions"])).toEqual([
      { segmentId: a, path: ["conditions", "conditions", "1", "condition"] },
    ]);
  });

  it("finds the loop a new reference would close, and orders refreshes referenced-first", () => {
    // c refers to b, b refers to a.
    const graph = new Map<string, string[]>([
      [a, []],
      [b, [a]],
      [c, [b]],
    ]);
    expect(pathBetween(graph, c, a)).toEqual([c, b, a]);
    expect(pathBetween(graph, a, c)).toBeNull();
    expect(dependencyOrder(graph)).toEqual([a, b, c]);
    // A loop saved long ago does not hang the ordering.
    graph.set(a, [c]);
    expect(dependencyOrder(graph)).toHaveLength(3);
  });
});
