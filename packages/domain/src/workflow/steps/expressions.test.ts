// Workflow expressions: JSONata over { input, vars, steps }, bounded in time, depth and size;
// placeholders filled recursively (a lone placeholder keeps its value's type); a step's parameters
// resolved from both.
import { describe, expect, it } from "vitest";
import {
  EXPRESSION_TIMEOUT_MS,
  ExpressionError,
  evaluate,
  expressionProblem,
  fillPlaceholders,
  resolveParameters,
} from "./expressions.ts";

const scope = {
  input: { name: "Ada", amounts: [1, 2, 3], nested: { city: "Turin" } },
  vars: { count: 3, vip: true, tags: ["a", "b"], empty: null },
  steps: { reserve: { reservationId: "r-1", units: 50 } },
};

describe("evaluate", () => {
  it.each([
    ["$sum(input.amounts)", 6],
    ["vars.count > 2 and vars.vip", true],
    ["steps.reserve.units * 2", 100],
    ["{ 'who': $uppercase(input.name), 'tags': vars.tags }", { who: "ADA", tags: ["a", "b"] }],
    ["input.amounts[$ > 1]", [2, 3]],
    ["vars.missing", null],
  ])("evaluates %s", async (expression, expected) => {
    expect(await evaluate(expression, scope)).toEqual(expected);
  });

  it("answers plain JSON, not JSONata sequences", async () => {
    const result = await evaluate("input.amounts.($ * 10)", scope);
    expect(result).toEqual([10, 20, 30]);
    expect(Object.keys(result as object)).toEqual(["0", "1", "2"]);
  });

  it("refuses an expression that does not parse", async () => {
    await expect(evaluate("vars.count = ", scope)).rejects.toBeInstanceOf(ExpressionError);
    expect(expressionProblem("vars.count = ")).toMatch(/\S/);
    expect(expressionProblem("vars.count = 1")).toBeNull();
  });

  it("reports a failing evaluation as an ExpressionError", async () => {
    await expect(evaluate("$number('x') + 1", scope)).rejects.toBeInstanceOf(ExpressionError);
  });

  it("stops an expression that runs too long", async () => {
    const endless = "($loop := function($n) { $loop($n + 1) }; $loop(0))";
    const started = Date.now();
    await expect(evaluate(endless, scope, 50)).rejects.toThrow(/recurses too deeply|ran longer/);
    expect(Date.now() - started).toBeLessThan(EXPRESSION_TIMEOUT_MS * 20);
  });

  it("stops a busy loop at its time budget", async () => {
    const busy = "$count([1..90000].($string($)))";
    await expect(evaluate(`$sum([1..20].(${busy}))`, scope, 30)).rejects.toThrow(/ran longer/);
  });

  it("refuses to build a huge sequence or answer a huge result", async () => {
    await expect(evaluate("[1..1000000000]", scope)).rejects.toBeInstanceOf(ExpressionError);
    await expect(evaluate("$join([1..90000].('xxxxxxxxxx'), '')", scope, 2_000)).rejects.toThrow(
      /larger than/,
    );
  });

  it("cannot reach JavaScript: no eval, no globals", async () => {
    await expect(evaluate("$eval('1 + 1')", scope)).resolves.toBe(2);
    await expect(evaluate("process", scope)).resolves.toBeNull();
    await expect(evaluate("$process", scope)).resolves.toBeNull();
  });
});

describe("fillPlaceholders", () => {
  it.each([
    ["Hello {{input.name}}!", "Hello Ada!"],
    ["{{vars.count}}", 3],
    ["{{ vars.vip }}", true],
    ["{{vars.tags}}", ["a", "b"]],
    ["Tags: {{vars.tags}}", 'Tags: ["a","b"]'],
    ["{{steps.reserve.reservationId}}", "r-1"],
    ["{{input.nested.city}} / {{vars.missing}} / {{vars.empty}}", "Turin /  / "],
    ["{{vars.missing}}", null],
    ["{{other.x}} stays", "{{other.x}} stays"],
    [42, 42],
  ])("fills %j", (value, expected) => {
    expect(fillPlaceholders(value, scope)).toEqual(expected);
  });

  it("fills arrays and objects recursively without changing the original", () => {
    const value = {
      to: "{{input.name}}",
      list: ["{{vars.count}}", { deep: "{{steps.reserve.units}}" }],
      n: 1,
    };
    expect(fillPlaceholders(value, scope)).toEqual({ to: "Ada", list: [3, { deep: 50 }], n: 1 });
    expect(value.to).toBe("{{input.name}}");
  });

  it("does not walk up prototypes", () => {
    expect(fillPlaceholders("{{vars.constructor}}", scope)).toBeNull();
  });
});

describe("resolveParameters", () => {
  it("fills placeholders, then lets the input mapping override parameters", async () => {
    const step = {
      parameters: { service: "content_generation", amount: 1, note: "for {{input.name}}" },
      input: { amount: "vars.count * 10", extra: "steps.reserve.reservationId" },
    };
    expect(await resolveParameters(step, scope)).toEqual({
      service: "content_generation",
      amount: 30,
      note: "for Ada",
      extra: "r-1",
    });
  });
});
