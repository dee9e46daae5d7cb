// A workflow instance with what the console's detail shows: its steps (each with its attempts),
// its event history, variables and compensations. No N+1: every list below is a relation the
// drizzle plugin plans into the query that loads the instances (one lateral sub-select each), so
// an instance of 50 steps with all of it is as many statements as one of 2
// (apps/api/test/workflows.integration.test.ts counts them).
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import {
  StepAttemptStatusEnum,
  WorkflowDefinitionRef,
  WorkflowInstanceStatusEnum,
  WorkflowPriorityEnum,
  WorkflowStepStatusEnum,
} from "./definition-types.ts";

const millisBetween = (from: Date | null, to: Date | null): number | null =>
  from && to ? Math.max(0, to.getTime() - from.getTime()) : null;

export const StepAttemptRef = builder.drizzleObject("stepExecutions", {
  name: "StepAttempt",
  description: "One attempt at a step: when it ran, what it was given and what came of it.",
  select: { columns: { id: true } },
  fields: (t) => ({
    id: t.exposeID("id"),
    attempt: t.exposeInt("attempt", { description: "1 for the first try." }),
    status: t.expose("status", { type: StepAttemptStatusEnum }),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    durationMs: t.exposeInt("durationMs", { nullable: true }),
    input: t.expose("input", { type: "JSON", nullable: true, description: "The resolved parameters." }),
    output: t.expose("output", { type: "JSON", nullable: true }),
    error: t.expose("error", { type: "JSON", nullable: true, description: "{ message, code? }" }),
    worker: t.exposeString("worker", { nullable: true, description: "The worker that ran it (host:pid)." }),
  }),
});

export const WorkflowStepRef = builder.drizzleObject("workflowSteps", {
  name: "WorkflowStep",
  description: "A step of an instance (one per step of its definition).",
  select: { columns: { id: true, startedAt: true, completedAt: true } },
  fields: (t) => ({
    id: t.exposeID("id"),
    stepId: t.exposeString("stepId", { description: "The step's id in the definition." }),
    name: t.exposeString("name"),
    type: t.exposeString("type"),
    status: t.expose("status", { type: WorkflowStepStatusEnum }),
    dependsOn: t.exposeStringList("dependsOn"),
    executionOrder: t.exposeInt("executionOrder", {
      description: "Position in a topological order of the DAG.",
    }),
    attempts: t.exposeInt("attempts", { description: "Attempts started so far." }),
    maxAttempts: t.exposeInt("maxAttempts"),
    timeoutSeconds: t.exposeInt("timeoutSeconds", { nullable: true }),
    parameters: t.expose("parameters", { type: "JSON" }),
    result: t.expose("result", { type: "JSON", nullable: true }),
    error: t.expose("error", { type: "JSON", nullable: true }),
    skipReason: t.exposeString("skipReason", { nullable: true }),
    waitingFor: t.exposeString("waitingFor", {
      nullable: true,
      description: "time, approval or child: what a running step waits on.",
    }),
    nextRunAt: t.expose("nextRunAt", {
      type: "DateTime",
      nullable: true,
      description: "When the next attempt may start (backoff), a wait ends or an approval times out.",
    }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    completionOrder: t.exposeInt("completionOrder", { nullable: true }),
    durationMs: t.int({
      nullable: true,
      description: "From its first start to its end; null until it ends.",
      resolve: (s) => millisBetween(s.startedAt, s.completedAt),
    }),
    executions: t.relation("executions", {
      description: "Its attempts, first first.",
      query: { orderBy: { attempt: "asc" } },
    }),
  }),
});

export const WorkflowEventRef = builder.drizzleObject("workflowEvents", {
  name: "WorkflowEvent",
  description: "One transition of the instance; versions are 1, 2, 3… without gaps.",
  select: { columns: { id: true } },
  fields: (t) => ({
    id: t.exposeID("id"),
    version: t.exposeInt("version"),
    type: t.exposeString("type", { description: "instance_started, step_started, step_completed…" }),
    stepId: t.exposeString("stepId", { nullable: true }),
    data: t.expose("data", { type: "JSON" }),
    actor: t.exposeString("actor", { description: "user:<id>, api_key:<id>, worker, schedule:<id>…" }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
  }),
});

export const WorkflowVariableRef = builder.drizzleObject("workflowVariables", {
  name: "WorkflowVariable",
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    type: t.exposeString("type", { description: "string, number, boolean, object or array." }),
    value: t.expose("value", { type: "JSON", nullable: true }),
    updatedByStep: t.exposeString("updatedByStep", {
      nullable: true,
      description: "The step that wrote it last; null: the input or the definition's default.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const WorkflowCompensationRef = builder.drizzleObject("workflowCompensations", {
  name: "WorkflowCompensation",
  description: "The undoing of a completed step after a later one failed for good.",
  select: { columns: { id: true } },
  fields: (t) => ({
    stepId: t.exposeString("stepId", { description: "The step it undoes." }),
    type: t.exposeString("type"),
    position: t.exposeInt("position", { description: "1 runs first: the reverse of completion order." }),
    status: t.exposeString("status", { description: "pending, running, completed or failed." }),
    result: t.expose("result", { type: "JSON", nullable: true }),
    error: t.expose("error", { type: "JSON", nullable: true }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});

export const WorkflowInstanceRef = builder.drizzleNode("workflowInstances", {
  name: "WorkflowInstance",
  description: "One run of a workflow definition.",
  id: { column: (i) => i.id },
  authScopes: { permission: "workflows:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    definition: t.relation("definition", { type: WorkflowDefinitionRef }),
    status: t.expose("status", { type: WorkflowInstanceStatusEnum }),
    priority: t.expose("priority", { type: WorkflowPriorityEnum }),
    input: t.expose("context", { type: "JSON", description: "The input it was started with." }),
    result: t.expose("result", {
      type: "JSON",
      nullable: true,
      description: "Its variables once completed.",
    }),
    error: t.expose("error", { type: "JSON", nullable: true }),
    progress: t.exposeFloat("progress", { description: "0–100: steps finished out of all." }),
    correlationId: t.exposeString("correlationId", { nullable: true }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    estimatedCompletionAt: t.expose("estimatedCompletionAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version", {
      description:
        "The version of its last event; send it back with cancel and retry (a newer one is a CONFLICT).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    parent: t.relation("parent", {
      nullable: true,
      description: "The instance whose start_workflow step started this one.",
    }),
    parentStepId: t.exposeString("parentStepId", { nullable: true }),
    steps: t.relation("steps", {
      description: "In execution order (a topological order of the DAG).",
      query: { orderBy: { executionOrder: "asc" } },
    }),
    events: t.relation("events", {
      description: "Its history, oldest first.",
      query: { orderBy: { version: "asc" } },
    }),
    variables: t.relation("variables", { query: { orderBy: { name: "asc" } } }),
    compensations: t.relation("compensations", {
      description: "In the order they run.",
      query: { orderBy: { position: "asc" } },
    }),
  }),
});

export const WorkflowInstanceConnection = namedConnection(WorkflowInstanceRef, "WorkflowInstance");
