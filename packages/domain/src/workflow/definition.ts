// A workflow definition (DOMAIN.md §6): typed steps forming a DAG through `dependsOn` (steps
// whose dependencies are done run in parallel), each with retries (exponential backoff with
// jitter), a timeout, an optional compensation step (run in reverse completion order when a
// later step fails for good), a skip condition, and input/output mapping through variables.
// Drafts may be incomplete: validate-workflow.ts lists problems per step, and only a definition
// without problems is activated. Expressions (skip conditions, input mapping, transform) are
// JSONata, evaluated against { input, vars, steps } — never `eval`.
import { z } from "zod";

export const StepId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "Step ids start with a letter: letters, digits, _ and -.");
/** A JSONata expression over { input, vars, steps }. */
export const Expression = z.string().trim().min(1).max(5_000);
const VariableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Variable names are letters, digits and _.");

export const STEP_TYPES = [
  "http_request",
  "send_email",
  "wait",
  "approval",
  "reserve_tokens",
  "settle_tokens",
  "release_tokens",
  "generate_content",
  "start_workflow",
  "set_variable",
  "transform",
] as const;
export type StepType = (typeof STEP_TYPES)[number];

const Duration = z.object({ seconds: z.number().int().min(0).max(31_536_000) });

/** Parameters per step type. String values may hold {{vars.x}} / {{input.y}} placeholders. */
export const StepParameters = {
  http_request: z.object({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
    /** Only hosts the server allows (WORKFLOW_HTTP_ALLOWED_HOSTS; loopback in dev/test only). */
    url: z.string().trim().min(1).max(2_000),
    headers: z.record(z.string(), z.string().max(2_000)).default({}),
    /** JSON body (POST/PUT/PATCH); placeholders are filled from variables. */
    body: z.unknown().optional(),
  }),
  send_email: z.object({
    to: z.string().trim().min(1).max(320),
    subject: z.string().trim().min(1).max(300),
    text: z.string().max(100_000),
  }),
  wait: z.union([
    z.object({ duration: Duration }),
    /** An ISO instant, or a placeholder that gives one. */
    z.object({ until: z.string().trim().min(1).max(100) }),
  ]),
  approval: z.object({
    /** What the approver is asked. */
    prompt: z.string().trim().min(1).max(1_000),
    /** Rejected when nobody decides within it (null: waits for ever). */
    timeoutSeconds: z.number().int().min(60).max(31_536_000).nullable().default(null),
  }),
  reserve_tokens: z.object({
    service: z.string().trim().min(1).max(100),
    amount: z.number().int().min(1).max(1_000_000_000),
  }),
  /** Settles the reservation made by `reservationStep` (its output holds the reservation id). */
  settle_tokens: z.object({
    reservationStep: StepId,
    amount: z.number().int().min(0).max(1_000_000_000).optional(),
  }),
  /** Releases the reservation made by `reservationStep`: the compensation of reserve_tokens. */
  release_tokens: z.object({ reservationStep: StepId }),
  generate_content: z.object({
    contentType: z.enum(["social_post", "email", "blog_post", "ad_copy", "sms"]),
    prompt: z.string().trim().min(1).max(4_000),
  }),
  /** Starts the newest active version of `workflow` (a definition name) and waits for it. */
  start_workflow: z.object({
    workflow: z.string().trim().min(1).max(200),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  set_variable: z.object({ name: VariableName, value: z.unknown() }),
  /** Evaluates `expression` (JSONata) and stores the result in the step's output. */
  transform: z.object({ expression: Expression }),
} satisfies Record<StepType, z.ZodType>;

export const Retry = z.object({
  /** Attempts after the first (0: none). */
  max: z.number().int().min(0).max(20).default(0),
  initialSeconds: z.number().min(0.1).max(86_400).default(1),
  multiplier: z.number().min(1).max(10).default(2),
  maxSeconds: z.number().min(1).max(86_400).default(300),
  /** Each wait is randomised within ±jitter of itself (0.2 = ±20 %). */
  jitter: z.number().min(0).max(1).default(0.2),
});
export type Retry = z.infer<typeof Retry>;

/** A compensation: a step of its own type and parameters, run when it must be undone. */
export const Compensation = z.object({
  type: z.enum(STEP_TYPES),
  parameters: z.record(z.string(), z.unknown()).default({}),
});

export const WorkflowStep = z.object({
  id: StepId,
  name: z.string().trim().max(200).default(""),
  /** Checked per type by validate-workflow.ts (a draft may name an unknown type: a problem). */
  type: z.string().trim().min(1).max(64),
  parameters: z.record(z.string(), z.unknown()).default({}),
  dependsOn: z.array(StepId).max(50).default([]),
  retry: Retry.default({ max: 0, initialSeconds: 1, multiplier: 2, maxSeconds: 300, jitter: 0.2 }),
  timeoutSeconds: z.number().int().min(1).max(86_400).nullable().default(null),
  compensation: Compensation.nullable().default(null),
  /** Skipped when this JSONata expression is truthy (its dependants still run). */
  skipIf: Expression.nullable().default(null),
  /** Parameters computed from variables: { parameterName: JSONata expression }. */
  input: z.record(z.string(), Expression).default({}),
  /** Variables set from the step's result: { variableName: JSONata expression over `result` }. */
  output: z.record(VariableName, Expression).default({}),
});
export type WorkflowStep = z.infer<typeof WorkflowStep>;

export const WorkflowDefinition = z.object({
  steps: z.array(WorkflowStep).max(200).default([]),
  /** Variables every instance starts with (overridden by the start input of the same name). */
  variables: z.record(VariableName, z.unknown()).default({}),
});
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;

export const PRIORITIES = ["low", "normal", "high", "critical"] as const;
export type WorkflowPriority = (typeof PRIORITIES)[number];
/** pg-boss job priority per instance priority (higher runs first). */
export const JOB_PRIORITY: Record<WorkflowPriority, number> = { low: 0, normal: 1, high: 2, critical: 3 };

/** One problem of a definition, naming the step (null: the whole definition). */
export interface WorkflowProblem {
  stepId: string | null;
  field: string;
  code:
    | "DUPLICATE_STEP"
    | "UNKNOWN_STEP_TYPE"
    | "INVALID_PARAMETERS"
    | "UNKNOWN_DEPENDENCY"
    | "CYCLE"
    | "INVALID_EXPRESSION"
    | "EMPTY"
    /** A field of the definition or of a step (outside its parameters) has the wrong shape. */
    | "INVALID_SHAPE";
  message: string;
}
