// validateWorkflow, table-driven: a valid workflow has no problems, and each broken variant reports
// exactly its problems, on the step and field they concern.
import { describe, expect, it } from "vitest";
import type { WorkflowProblem } from "../definition.ts";
import { validateWorkflow } from "./validate-workflow.ts";

type RawStep = Record<string, unknown>;

const reserve = {
  id: "reserve",
  type: "reserve_tokens",
  parameters: { service: "content.generate", amount: 50 },
};
const wait = { id: "pause", type: "wait", parameters: { duration: { seconds: 60 } }, dependsOn: ["reserve"] };
const approve = {
  id: "approve",
  type: "approval",
  parameters: { prompt: "Ship it?" },
  dependsOn: ["reserve"],
};
const settle = {
  id: "settle",
  type: "settle_tokens",
  parameters: { reservationStep: "reserve" },
  dependsOn: ["pause", "approve"],
};
const valid: RawStep[] = [
  {
    ...reserve,
    compensation: { type: "release_tokens", parameters: { reservationStep: "reserve" } },
  },
  wait,
  approve,
  settle,
  {
    id: "shape",
    type: "transform",
    parameters: { expression: "{ 'total': $sum(input.amounts) }" },
    skipIf: "vars.skipShape = true",
    output: { total: "result.total" },
    dependsOn: ["settle"],
  },
];

const replace = (id: string, step: RawStep) => valid.map((s) => (s.id === id ? step : s));
const pick = (problems: WorkflowProblem[]) =>
  problems.map(({ stepId, field, code }) => ({ stepId, field, code }));

describe("validateWorkflow", () => {
  it("finds nothing wrong with a valid workflow and answers it with defaults filled in", () => {
    const { definition, problems } = validateWorkflow({ steps: valid, variables: { skipShape: false } });
    expect(problems).toEqual([]);
    expect(definition?.steps.map((s) => s.id)).toEqual(["reserve", "pause", "approve", "settle", "shape"]);
    expect(definition?.steps[1]?.retry.max).toBe(0);
  });

  it("accepts parameters the input mapping or a lone placeholder gives at run time", () => {
    const step = {
      id: "reserve",
      type: "reserve_tokens",
      parameters: { service: "x" },
      input: { amount: "input.amount" },
    };
    const waitUntil = { id: "later", type: "wait", input: { until: "vars.until" } };
    const placeholders = {
      id: "nap",
      type: "wait",
      parameters: { duration: { seconds: "{{vars.seconds}}" } },
    };
    const amount = {
      id: "more",
      type: "reserve_tokens",
      parameters: { service: "x", amount: "{{ input.amount }}" },
    };
    expect(validateWorkflow({ steps: [step, waitUntil, placeholders, amount] }).problems).toEqual([]);
  });

  const cases: {
    name: string;
    definition: unknown;
    problems: Pick<WorkflowProblem, "stepId" | "field" | "code">[];
  }[] = [
    {
      name: "no steps",
      definition: { steps: [] },
      problems: [{ stepId: null, field: "steps", code: "EMPTY" }],
    },
    { name: "no steps at all", definition: {}, problems: [{ stepId: null, field: "steps", code: "EMPTY" }] },
    {
      name: "not an object",
      definition: "steps",
      problems: [{ stepId: null, field: "definition", code: "INVALID_SHAPE" }],
    },
    {
      name: "a duplicate step id",
      definition: { steps: [...valid, { ...approve, dependsOn: [] }] },
      problems: [{ stepId: "approve", field: "id", code: "DUPLICATE_STEP" }],
    },
    {
      name: "an unknown step type",
      definition: { steps: replace("pause", { ...wait, type: "teleport" }) },
      problems: [{ stepId: "pause", field: "type", code: "UNKNOWN_STEP_TYPE" }],
    },
    {
      name: "a missing parameter",
      definition: { steps: replace("approve", { ...approve, parameters: {} }) },
      problems: [{ stepId: "approve", field: "parameters.prompt", code: "INVALID_PARAMETERS" }],
    },
    {
      name: "a parameter of the wrong type",
      definition: { steps: replace("reserve", { ...reserve, parameters: { service: "x", amount: "lots" } }) },
      problems: [{ stepId: "reserve", field: "parameters.amount", code: "INVALID_PARAMETERS" }],
    },
    {
      name: "a wait with neither a duration nor a time",
      definition: { steps: replace("pause", { ...wait, parameters: {} }) },
      problems: [{ stepId: "pause", field: "parameters", code: "INVALID_PARAMETERS" }],
    },
    {
      name: "an unknown dependency",
      definition: { steps: replace("pause", { ...wait, dependsOn: ["reserve", "ghost"] }) },
      problems: [{ stepId: "pause", field: "dependsOn", code: "UNKNOWN_DEPENDENCY" }],
    },
    {
      name: "two cycles, once on every step on them",
      definition: {
        steps: [{ ...reserve, dependsOn: ["settle"] }, wait, approve, settle],
      },
      problems: [
        { stepId: "reserve", field: "dependsOn", code: "CYCLE" },
        { stepId: "settle", field: "dependsOn", code: "CYCLE" },
        { stepId: "pause", field: "dependsOn", code: "CYCLE" },
        { stepId: "approve", field: "dependsOn", code: "CYCLE" },
      ],
    },
    {
      name: "a step depending on itself",
      definition: { steps: [{ ...reserve, dependsOn: ["reserve"] }] },
      problems: [{ stepId: "reserve", field: "dependsOn", code: "CYCLE" }],
    },
    {
      name: "a skip condition that does not parse",
      definition: { steps: replace("pause", { ...wait, skipIf: "vars.x = " }) },
      problems: [{ stepId: "pause", field: "skipIf", code: "INVALID_EXPRESSION" }],
    },
    {
      name: "an input mapping that does not parse",
      definition: { steps: replace("approve", { ...approve, input: { prompt: "$uppercase(" } }) },
      problems: [{ stepId: "approve", field: "input.prompt", code: "INVALID_EXPRESSION" }],
    },
    {
      name: "an output mapping that does not parse",
      definition: { steps: replace("approve", { ...approve, output: { decided: "result.(" } }) },
      problems: [{ stepId: "approve", field: "output.decided", code: "INVALID_EXPRESSION" }],
    },
    {
      name: "a transform expression that does not parse",
      definition: { steps: [{ id: "t", type: "transform", parameters: { expression: "{ 'a': }" } }] },
      problems: [{ stepId: "t", field: "parameters.expression", code: "INVALID_EXPRESSION" }],
    },
    {
      name: "a compensation of an unknown type",
      definition: {
        steps: replace("reserve", { ...reserve, compensation: { type: "undo", parameters: {} } }),
      },
      problems: [{ stepId: "reserve", field: "compensation.type", code: "UNKNOWN_STEP_TYPE" }],
    },
    {
      name: "a compensation that would wait",
      definition: {
        steps: replace("reserve", {
          ...reserve,
          compensation: { type: "approval", parameters: { prompt: "Undo?" } },
        }),
      },
      problems: [{ stepId: "reserve", field: "compensation.type", code: "UNKNOWN_STEP_TYPE" }],
    },
    {
      name: "a compensation missing its parameters",
      definition: { steps: replace("reserve", { ...reserve, compensation: { type: "release_tokens" } }) },
      problems: [
        { stepId: "reserve", field: "compensation.parameters.reservationStep", code: "INVALID_PARAMETERS" },
      ],
    },
    {
      name: "a settle naming a step that reserves nothing",
      definition: { steps: replace("settle", { ...settle, parameters: { reservationStep: "pause" } }) },
      problems: [{ stepId: "settle", field: "parameters.reservationStep", code: "UNKNOWN_DEPENDENCY" }],
    },
    {
      name: "a settle that does not wait for its reservation",
      definition: { steps: [reserve, { ...settle, dependsOn: [] }] },
      problems: [{ stepId: "settle", field: "parameters.reservationStep", code: "UNKNOWN_DEPENDENCY" }],
    },
    {
      name: "a step id that is not one",
      definition: { steps: [{ id: "1st", type: "wait", parameters: { duration: { seconds: 1 } } }] },
      problems: [{ stepId: "1st", field: "id", code: "INVALID_SHAPE" }],
    },
    {
      name: "a step without an id",
      definition: { steps: [{ type: "wait", parameters: { duration: { seconds: 1 } } }] },
      problems: [{ stepId: null, field: "steps.0.id", code: "INVALID_SHAPE" }],
    },
    {
      name: "a retry out of range",
      definition: { steps: replace("pause", { ...wait, retry: { max: 99 } }) },
      problems: [{ stepId: "pause", field: "retry.max", code: "INVALID_SHAPE" }],
    },
    {
      name: "a bad variable name",
      definition: { steps: valid, variables: { "not ok": 1 } },
      problems: [{ stepId: null, field: "variables.not ok", code: "INVALID_SHAPE" }],
    },
  ];

  it.each(cases)("reports $name", ({ definition, problems }) => {
    const result = validateWorkflow(definition);
    expect(pick(result.problems)).toEqual(problems);
    for (const problem of result.problems) expect(problem.message).not.toBe("");
  });

  it("names the steps of a cycle in its message", () => {
    const { problems } = validateWorkflow({
      steps: [
        { id: "a", type: "wait", parameters: { duration: { seconds: 1 } }, dependsOn: ["b"] },
        { id: "b", type: "wait", parameters: { duration: { seconds: 1 } }, dependsOn: ["a"] },
      ],
    });
    expect(problems[0]?.message).toContain("a → b → a");
  });

  it("answers no definition when the shape is wrong, but still every problem", () => {
    const result = validateWorkflow({
      steps: [
        { id: "x", type: "wait", retry: "often" },
        { id: "y", type: "nope", dependsOn: ["z"] },
      ],
    });
    expect(result.definition).toBeNull();
    expect(pick(result.problems).map((p) => `${p.stepId}:${p.code}`)).toEqual([
      "x:INVALID_SHAPE",
      "x:INVALID_PARAMETERS",
      "y:UNKNOWN_STEP_TYPE",
      "y:UNKNOWN_DEPENDENCY",
    ]);
  });
});
