// What is wrong with a workflow definition, step by step. Drafts are saved with their problems (the
// console shows them on the graph); only a definition without any is activated. Pure: no database.
// A problem naming a step has `field` relative to that step ("parameters.url", "dependsOn"); one
// naming no step has it relative to the definition ("steps", "steps.3.id", "variables.x").
import type { z } from "zod";
import {
  STEP_TYPES,
  StepParameters,
  type StepType,
  WorkflowDefinition,
  type WorkflowProblem,
  WorkflowStep,
} from "../definition.ts";
import { expressionProblem, isPlaceholder } from "../steps/expressions.ts";

type Code = WorkflowProblem["code"];
type Issue = z.core.$ZodIssue;

/** Types whose step waits (for a time, a person, a child workflow): a compensation cannot. */
const WAITING_TYPES: readonly StepType[] = ["wait", "approval", "start_workflow"];

const isStepType = (type: unknown): type is StepType => STEP_TYPES.includes(type as StepType);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const path = (parts: readonly PropertyKey[]) => parts.map(String).join(".");

/** The fields of a step checked across steps, read leniently so a step whose shape is wrong still
 * takes part in the duplicate, dependency and cycle checks. */
interface StepView {
  index: number;
  id: string | null;
  type: unknown;
  dependsOn: string[];
  parameters: Record<string, unknown>;
  input: Record<string, unknown>;
}

function view(raw: unknown, index: number): StepView {
  const step = isRecord(raw) ? raw : {};
  return {
    index,
    id: typeof step.id === "string" ? step.id : null,
    type: step.type,
    dependsOn: Array.isArray(step.dependsOn)
      ? step.dependsOn.filter((d): d is string => typeof d === "string")
      : [],
    parameters: isRecord(step.parameters) ? step.parameters : {},
    input: isRecord(step.input) ? step.input : {},
  };
}

/** The code of a shape issue of a step, from the field it concerns. */
function codeOf(issuePath: readonly PropertyKey[]): Code {
  const [head, second] = issuePath;
  if (head === "type" || (head === "compensation" && second === "type")) return "UNKNOWN_STEP_TYPE";
  if (head === "parameters" || head === "compensation") return "INVALID_PARAMETERS";
  if (head === "dependsOn") return "UNKNOWN_DEPENDENCY";
  if ((head === "skipIf" || head === "input" || head === "output") && issuePath.length <= 2) {
    // A variable name that is not one is a shape problem; an empty or over-long expression is not.
    return head === "output" && issuePath.length === 2 ? "INVALID_SHAPE" : "INVALID_EXPRESSION";
  }
  return "INVALID_SHAPE";
}

/** The value at `at` inside `value`, if there is one. */
function valueAt(value: unknown, at: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of at) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Parameter issues, minus those on parameters known only at run time: the ones the step's `input`
 * mapping computes (`input: { amount: "vars.amount" }`), and values that are exactly one
 * placeholder (`"amount": "{{vars.amount}}"` becomes the variable's number). A union (wait:
 * duration or until) is satisfied when one of its branches is, once those are set aside.
 */
function parameterIssues(
  issues: readonly Issue[],
  parameters: unknown,
  supplied: ReadonlySet<string>,
): Issue[] {
  const left: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === "invalid_union" && issue.path.length === 0) {
      const branches = issue.errors.map((branch) => parameterIssues(branch, parameters, supplied));
      if (branches.some((branch) => branch.length === 0)) continue;
      left.push(issue);
      continue;
    }
    const head = issue.path[0];
    if (typeof head === "string" && supplied.has(head)) continue;
    if (isPlaceholder(valueAt(parameters, issue.path))) continue;
    left.push(issue);
  }
  return left;
}

function unionMessage(issue: Issue): string {
  if (issue.code !== "invalid_union") return issue.message;
  const options = issue.errors.map((branch) => branch.map((i) => path(i.path)).join(" and ")).filter(Boolean);
  return options.length > 0 ? `Give one of: ${options.join(", or ")}.` : issue.message;
}

function checkParameters(
  add: (code: Code, field: string, message: string) => void,
  type: StepType,
  parameters: unknown,
  supplied: ReadonlySet<string>,
  prefix: string,
): void {
  const result = StepParameters[type].safeParse(parameters ?? {});
  if (result.success) return;
  for (const issue of parameterIssues(result.error.issues, parameters, supplied)) {
    add("INVALID_PARAMETERS", path([prefix, ...issue.path]), unionMessage(issue));
  }
}

export function validateWorkflow(input: unknown): {
  definition: WorkflowDefinition | null;
  problems: WorkflowProblem[];
} {
  // As plain JSON: a definition read through the GraphQL layer's relational loader carries symbol
  // keys on its objects, which zod's records report as "Invalid key in record". A definition is
  // JSON by nature (jsonb), so nothing else is lost.
  const raw: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
  const problems: WorkflowProblem[] = [];
  const add = (stepId: string | null, code: Code, field: string, message: string) =>
    problems.push({ stepId, field, code, message });

  const parsed = WorkflowDefinition.safeParse(raw ?? {});
  const root = isRecord(raw) ? raw : {};
  if (!isRecord(raw))
    add(null, "INVALID_SHAPE", "definition", "A definition is an object with a list of steps.");
  const rawSteps: unknown[] = Array.isArray(root.steps) ? root.steps : [];
  if (root.steps !== undefined && !Array.isArray(root.steps)) {
    add(null, "INVALID_SHAPE", "steps", "Steps are a list.");
  } else if (rawSteps.length === 0 && isRecord(raw)) {
    add(null, "EMPTY", "steps", "Add at least one step.");
  }
  if (!parsed.success) {
    // Shape issues outside the steps (which are checked one by one below, naming their step).
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "steps" && typeof issue.path[1] === "number") continue;
      if (issue.path.length === 0 || (issue.path[0] === "steps" && issue.path.length === 1)) continue;
      add(null, "INVALID_SHAPE", path(issue.path), issue.message);
    }
  }

  const steps = rawSteps.map(view);
  // Steps by id: the first of duplicates wins, so dependencies still resolve while ids get fixed.
  const byId = new Map<string, StepView>();
  for (const step of steps) {
    if (step.id === null) continue;
    if (byId.has(step.id)) {
      add(step.id, "DUPLICATE_STEP", "id", `Two steps have the id ${step.id}: every step needs its own.`);
    } else {
      byId.set(step.id, step);
    }
  }

  for (const [index, rawStep] of rawSteps.entries()) {
    const step = steps[index]!;
    const stepAdd = (code: Code, field: string, message: string) =>
      step.id === null
        ? add(null, code, `steps.${index}.${field}`, message)
        : add(step.id, code, field, message);

    const shape = WorkflowStep.safeParse(rawStep);
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        // Parameters are checked against the step type below, with better messages.
        if (issue.path[0] === "parameters" && issue.path.length > 1) continue;
        if (issue.path[0] === "compensation" && issue.path[1] === "parameters" && issue.path.length > 2)
          continue;
        stepAdd(codeOf(issue.path), path(issue.path), issue.message);
      }
    }

    if (typeof step.type === "string" && step.type.trim() !== "" && !isStepType(step.type)) {
      stepAdd(
        "UNKNOWN_STEP_TYPE",
        "type",
        `There is no step type ${step.type}: use one of ${STEP_TYPES.join(", ")}.`,
      );
    }
    const supplied = new Set(Object.keys(step.input));
    if (isStepType(step.type)) checkParameters(stepAdd, step.type, step.parameters, supplied, "parameters");

    for (const dependency of new Set(step.dependsOn)) {
      if (!byId.has(dependency)) {
        stepAdd(
          "UNKNOWN_DEPENDENCY",
          "dependsOn",
          `It depends on ${dependency}, which is not a step of this workflow.`,
        );
      }
    }

    // Expressions that do not parse (an empty or over-long one is a shape issue, reported above).
    const expression = (field: string, value: unknown) => {
      if (typeof value !== "string" || value.trim() === "") return;
      const problem = expressionProblem(value);
      if (problem) stepAdd("INVALID_EXPRESSION", field, `The expression does not parse: ${problem}`);
    };
    const rawRecord = isRecord(rawStep) ? rawStep : {};
    expression("skipIf", rawRecord.skipIf);
    for (const [name, value] of Object.entries(step.input)) expression(`input.${name}`, value);
    if (isRecord(rawRecord.output)) {
      for (const [name, value] of Object.entries(rawRecord.output)) expression(`output.${name}`, value);
    }
    if (step.type === "transform") expression("parameters.expression", step.parameters.expression);

    // A token step must name the reserve_tokens step whose reservation it settles or releases.
    const reservationStep = (field: string, parameters: Record<string, unknown>) => {
      const named = parameters.reservationStep;
      if (typeof named !== "string") return;
      const target = byId.get(named);
      if (target?.type !== "reserve_tokens") {
        stepAdd("UNKNOWN_DEPENDENCY", field, `${named} is not a reserve_tokens step of this workflow.`);
      } else if (step.id !== null && !ancestors(byId, step.id).has(named)) {
        stepAdd(
          "UNKNOWN_DEPENDENCY",
          field,
          `It must depend (directly or not) on ${named}, whose reservation it uses.`,
        );
      }
    };
    if (step.type === "settle_tokens" || step.type === "release_tokens") {
      reservationStep("parameters.reservationStep", step.parameters);
    }

    const compensation = isRecord(rawRecord.compensation) ? rawRecord.compensation : null;
    if (compensation && WAITING_TYPES.includes(compensation.type as StepType)) {
      stepAdd(
        "UNKNOWN_STEP_TYPE",
        "compensation.type",
        `A compensation runs at once, it cannot be a ${String(compensation.type)} step (use ${STEP_TYPES.filter((t) => !WAITING_TYPES.includes(t)).join(", ")}).`,
      );
    }
    if (compensation && isStepType(compensation.type)) {
      checkParameters(
        stepAdd,
        compensation.type,
        compensation.parameters,
        new Set(),
        "compensation.parameters",
      );
      if (compensation.type === "transform" && isRecord(compensation.parameters)) {
        expression("compensation.parameters.expression", compensation.parameters.expression);
      }
      if (
        (compensation.type === "settle_tokens" || compensation.type === "release_tokens") &&
        isRecord(compensation.parameters)
      ) {
        // A compensation runs after its own step completed: it may use that step's reservation
        // or one of a step it depends on.
        const named = compensation.parameters.reservationStep;
        if (typeof named === "string") {
          const target = byId.get(named);
          const before = named === step.id || (step.id !== null && ancestors(byId, step.id).has(named));
          if (target?.type !== "reserve_tokens") {
            stepAdd(
              "UNKNOWN_DEPENDENCY",
              "compensation.parameters.reservationStep",
              `${named} is not a reserve_tokens step of this workflow.`,
            );
          } else if (!before) {
            stepAdd(
              "UNKNOWN_DEPENDENCY",
              "compensation.parameters.reservationStep",
              `It must be this step or one it depends on: ${named} may not have run.`,
            );
          }
        }
      }
    }
  }

  // One problem per step on a cycle, naming the first cycle found through it.
  const onCycle = new Set<string>();
  for (const cycle of cycles(byId)) {
    const ring = [...cycle, cycle[0]].join(" → ");
    for (const id of cycle) {
      if (onCycle.has(id)) continue;
      onCycle.add(id);
      add(
        id,
        "CYCLE",
        "dependsOn",
        `Steps ${ring} depend on each other in a cycle: none of them could ever start.`,
      );
    }
  }

  return { definition: parsed.success ? parsed.data : null, problems };
}

/** Every step `id` depends on, directly or through others. */
function ancestors(byId: ReadonlyMap<string, StepView>, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(byId.get(id)?.dependsOn ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byId.get(next)?.dependsOn ?? []));
  }
  return seen;
}

/** The cycles of the dependency graph (depth-first; each reported once, in dependency order). */
function cycles(byId: ReadonlyMap<string, StepView>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (id: string) => {
    state.set(id, "visiting");
    trail.push(id);
    for (const dependency of new Set(byId.get(id)?.dependsOn ?? [])) {
      if (!byId.has(dependency)) continue;
      const seen = state.get(dependency);
      if (seen === "visiting") found.push(trail.slice(trail.indexOf(dependency)));
      else if (seen === undefined) visit(dependency);
    }
    trail.pop();
    state.set(id, "done");
  };
  for (const id of byId.keys()) if (!state.has(id)) visit(id);
  return found;
}
