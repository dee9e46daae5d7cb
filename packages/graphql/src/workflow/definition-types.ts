// Workflow definitions: the enums the workflow types share, a definition version with its
// problems (computed from its JSON, no query) and its sibling versions (a relation on the name,
// planned into the query that loads the definitions: a list of 50 with their versions is one
// statement, not 51).
import { schema } from "@markettina/db";
import { PRIORITIES, validateWorkflow, type WorkflowProblem } from "@markettina/domain";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const WorkflowDefinitionStatusEnum = builder.enumType("WorkflowDefinitionStatus", {
  description: "DRAFT → ACTIVE → DEPRECATED → ARCHIVED. Only drafts change; only ACTIVE ones start.",
  values: upper(schema.workflowDefinitionStatus.enumValues),
});

export const WorkflowInstanceStatusEnum = builder.enumType("WorkflowInstanceStatus", {
  values: upper(schema.workflowInstanceStatus.enumValues),
});

export const WorkflowPriorityEnum = builder.enumType("WorkflowPriority", {
  description: "Jobs of higher-priority instances are taken first.",
  values: upper(PRIORITIES),
});

export const WorkflowStepStatusEnum = builder.enumType("WorkflowStepStatus", {
  values: upper(schema.workflowStepStatus.enumValues),
});

export const StepAttemptStatusEnum = builder.enumType("StepAttemptStatus", {
  values: upper(schema.stepExecutionStatus.enumValues),
});

export const WorkflowMissedRunPolicyEnum = builder.enumType("WorkflowMissedRunPolicy", {
  description: "What a schedule does about runs it missed (the worker was down): none, or one now.",
  values: upper(schema.workflowMissedRunPolicy.enumValues),
});

export const WorkflowProblemRef = builder.objectRef<WorkflowProblem>("WorkflowProblem").implement({
  description: "Something to fix before the definition can be activated, on the step it concerns.",
  fields: (t) => ({
    stepId: t.exposeString("stepId", { nullable: true, description: "Null: the definition as a whole." }),
    field: t.exposeString("field", { description: "Path in the definition, e.g. steps.2.parameters.url." }),
    code: t.exposeString("code", {
      description:
        "DUPLICATE_STEP, UNKNOWN_STEP_TYPE, INVALID_PARAMETERS, UNKNOWN_DEPENDENCY, CYCLE, INVALID_EXPRESSION, EMPTY.",
    }),
    message: t.exposeString("message"),
  }),
});

/** A definition's problems from its JSON alone (pure: no database). */
export const definitionProblems = (definition: unknown): WorkflowProblem[] =>
  validateWorkflow(definition).problems;

export const WorkflowDefinitionRef = builder.drizzleNode("workflowDefinitions", {
  name: "WorkflowDefinition",
  description: "One version of a named workflow: a DAG of typed steps.",
  id: { column: (d) => d.id },
  authScopes: { permission: "workflows:read" },
  // `definition` is always loaded: `problems` is computed from it, whichever query loaded the row.
  select: { columns: { id: true, definition: true } },
  fields: (t) => ({
    name: t.exposeString("name", { description: "Shared by every version." }),
    version: t.exposeInt("version", { description: "1, 2, 3… per name." }),
    description: t.exposeString("description"),
    status: t.expose("status", { type: WorkflowDefinitionStatusEnum }),
    definition: t.field({
      type: "JSON",
      description:
        "{ steps: [{ id, type, parameters, dependsOn, retry, timeoutSeconds, compensation, skipIf, input, output }], variables }",
      resolve: (d) => d.definition,
    }),
    problems: t.field({
      type: [WorkflowProblemRef],
      description: "What keeps it from being activated, by step; empty when it is valid.",
      resolve: (d) => definitionProblems(d.definition),
    }),
    versions: t.relation("versions", {
      description: "Every version of this name (this one included), newest first.",
      query: { orderBy: { version: "desc" } },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    activatedAt: t.expose("activatedAt", { type: "DateTime", nullable: true }),
    deprecatedAt: t.expose("deprecatedAt", { type: "DateTime", nullable: true }),
  }),
});

export const WorkflowDefinitionConnection = namedConnection(WorkflowDefinitionRef, "WorkflowDefinition");
