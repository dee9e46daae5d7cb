// Expressions of a workflow (skip conditions, input/output mapping, transform): JSONata over the
// instance's { input, vars, steps } — never `eval`. A definition is written by account users, so
// an expression is untrusted code: its evaluation is bounded in time, depth and sequence length,
// and its result in size, so one bad step cannot stall a worker or bloat a row.
import jsonata from "jsonata";
import type { WorkflowStep } from "../definition.ts";
import type { StepRun } from "../engine/engine-ports.ts";

export type ExpressionScope = StepRun["scope"] & Record<string, unknown>;

/** Wall-clock budget of one evaluation. */
export const EXPRESSION_TIMEOUT_MS = 250;
/** Nesting depth of the evaluator (deep recursion in a user function). */
const MAX_DEPTH = 200;
/** Longest sequence an expression may build ([1..1e9] is refused, not allocated). */
const MAX_SEQUENCE = 100_000;
/** Largest result, as JSON, an expression may return (it is stored in rows). */
export const MAX_RESULT_BYTES = 256 * 1024;

/** An expression that does not parse, failed, ran too long or answered too much. */
export class ExpressionError extends Error {
  readonly expression: string;
  constructor(expression: string, message: string) {
    super(message);
    this.name = "ExpressionError";
    this.expression = expression;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; code?: unknown; position?: unknown };
    const message = typeof e.message === "string" ? e.message : String(e.code ?? "error");
    return typeof e.position === "number" ? `${message} (at ${e.position})` : message;
  }
  return String(error);
}

/** Parses an expression: the message of its syntax error, or null when it parses. */
export function expressionProblem(expression: string): string | null {
  try {
    jsonata(expression);
    return null;
  } catch (error) {
    return describe(error);
  }
}

function compile(expression: string): jsonata.Expression {
  try {
    return jsonata(expression, { sequence: MAX_SEQUENCE } as jsonata.JsonataOptions);
  } catch (error) {
    throw new ExpressionError(expression, `The expression does not parse: ${describe(error)}`);
  }
}

/**
 * Evaluates a JSONata expression over `scope`. JSONata 2 evaluates through promises that resolve
 * as microtasks, so a timer alone would never get to fire during a busy evaluation: the entry hook
 * (called before every node is evaluated) checks the clock and the depth and aborts from inside;
 * the race with a timer covers an evaluation that is waiting on something.
 */
export async function evaluate(
  expression: string,
  scope: Record<string, unknown>,
  timeoutMs = EXPRESSION_TIMEOUT_MS,
): Promise<unknown> {
  const compiled = compile(expression);
  const deadline = Date.now() + timeoutMs;
  let depth = 0;
  compiled.assign(Symbol.for("jsonata.__evaluate_entry") as unknown as string, () => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new ExpressionError(expression, "The expression recurses too deeply.");
    if (Date.now() > deadline)
      throw new ExpressionError(expression, `The expression ran longer than ${timeoutMs} ms.`);
  });
  compiled.assign(Symbol.for("jsonata.__evaluate_exit") as unknown as string, () => {
    depth -= 1;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ExpressionError(expression, `The expression ran longer than ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  let result: unknown;
  try {
    result = await Promise.race([compiled.evaluate(scope), timeout]);
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    throw new ExpressionError(expression, `The expression failed: ${describe(error)}`);
  } finally {
    clearTimeout(timer);
  }
  return plain(expression, result);
}

/** JSONata answers sequences (arrays with extra properties), functions and undefined: keep JSON. */
function plain(expression: string, result: unknown): unknown {
  if (result === undefined || typeof result === "function") return null;
  let json: string | undefined;
  try {
    json = JSON.stringify(result);
  } catch (error) {
    throw new ExpressionError(expression, `The expression's result is not JSON: ${describe(error)}`);
  }
  if (json === undefined) return null;
  if (json.length > MAX_RESULT_BYTES) {
    throw new ExpressionError(
      expression,
      `The expression's result is larger than ${MAX_RESULT_BYTES} bytes.`,
    );
  }
  return JSON.parse(json) as unknown;
}

const PLACEHOLDER = /\{\{\s*((?:input|vars|steps)(?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*((?:input|vars|steps)(?:\.[A-Za-z0-9_-]+)+)\s*\}\}$/;

/** Whether `value` is a string that is exactly one placeholder (it takes the value's own type). */
export const isPlaceholder = (value: unknown): value is string =>
  typeof value === "string" && WHOLE_PLACEHOLDER.test(value);

function lookup(scope: Record<string, unknown>, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Fills {{input.x}}, {{vars.x}} and {{steps.<id>.<field>}} placeholders in every string of
 * `value`, recursively through arrays and objects. A string that is exactly one placeholder takes
 * the value itself (a number stays a number); inside text, values are written as text (objects as
 * JSON) and a missing one as the empty string.
 */
export function fillPlaceholders<T>(value: T, scope: Record<string, unknown>): T {
  if (typeof value === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole) return (lookup(scope, whole[1]!) ?? null) as T;
    return value.replace(PLACEHOLDER, (_, path: string) => {
      const found = lookup(scope, path);
      if (found === undefined || found === null) return "";
      return typeof found === "object" ? JSON.stringify(found) : String(found);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, scope)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, scope)])) as T;
  }
  return value;
}

/**
 * A step's parameters as its handler gets them: placeholders filled from the scope, then each
 * `step.input` expression evaluated over the scope, overriding the parameter of its name.
 */
export async function resolveParameters(
  step: Pick<WorkflowStep, "parameters" | "input">,
  scope: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const parameters = fillPlaceholders(step.parameters ?? {}, scope);
  for (const [name, expression] of Object.entries(step.input ?? {})) {
    parameters[name] = await evaluate(expression, scope);
  }
  return parameters;
}
