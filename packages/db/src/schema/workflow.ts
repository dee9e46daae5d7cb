// Durable workflows (DOMAIN.md §6): versioned definitions (a DAG of typed steps), instances with
// one row per step and one per attempt, an event-sourced history with a strictly increasing
// version per instance (also the instance's optimistic lock), variables, snapshots, saga
// compensations and cron schedules. These tables are the truth; pg-boss only carries "run this
// step now / at time T". Every reference between them is a composite key with account_id.
// The status view, the performance materialized view and the cross-tenant functions are in the
// hand-written migration (…_workflow_rls).
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  type PgColumn,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accountId, createdAt, id, timestamptz, updatedAt } from "./columns.ts";
import { users } from "./identity.ts";

export const workflowDefinitionStatus = pgEnum("workflow_definition_status", [
  "draft",
  "active",
  "deprecated",
  "archived",
]);
export const workflowInstanceStatus = pgEnum("workflow_instance_status", [
  "pending",
  "running",
  "completed",
  "failed",
  "cancelled",
  "compensating",
]);
export const workflowPriority = pgEnum("workflow_priority", ["low", "normal", "high", "critical"]);
export const workflowStepStatus = pgEnum("workflow_step_status", [
  "pending",
  "running",
  "completed",
  "failed",
  "skipped",
  "compensating",
  /** Undone by its compensation after a later step failed for good. */
  "compensated",
  /** Never started: its instance was cancelled (or failed) first. */
  "cancelled",
]);
export const stepExecutionStatus = pgEnum("step_execution_status", [
  "running",
  "completed",
  "failed",
  "timeout",
  "cancelled",
]);
export const workflowVariableType = pgEnum("workflow_variable_type", [
  "string",
  "number",
  "boolean",
  "object",
  "array",
]);
export const workflowCompensationStatus = pgEnum("workflow_compensation_status", [
  "pending",
  "running",
  "completed",
  "failed",
]);
export const workflowMissedRunPolicy = pgEnum("workflow_missed_run_policy", ["skip", "catch_up_once"]);

const instanceRef = (t: { accountId: PgColumn; instanceId: PgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.accountId, t.instanceId],
    foreignColumns: [workflowInstances.accountId, workflowInstances.id],
  }).onDelete("cascade");

export const workflowDefinitions = pgTable(
  "workflow_definitions",
  {
    id: id(),
    accountId: accountId(),
    /** Versions share the name; (name, version) is unique per account. */
    name: text("name").notNull(),
    version: integer("version").notNull(),
    description: text("description").notNull().default(""),
    /** The validated definition (packages/domain/src/workflow/definition.ts). Drafts only change. */
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    status: workflowDefinitionStatus("status").notNull().default("draft"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    activatedAt: timestamptz("activated_at"),
    deprecatedAt: timestamptz("deprecated_at"),
  },
  (t) => [
    unique("workflow_definitions_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_definitions_name_version_key").on(t.accountId, t.name, t.version),
    index("workflow_definitions_account_status_idx").on(t.accountId, t.status),
    check("workflow_definitions_version_positive", sql`${t.version} > 0`),
  ],
);

export const workflowInstances = pgTable(
  "workflow_instances",
  {
    id: id(),
    accountId: accountId(),
    definitionId: uuid("definition_id").notNull(),
    status: workflowInstanceStatus("status").notNull().default("pending"),
    priority: workflowPriority("priority").notNull().default("normal"),
    /** The input it was started with. */
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: jsonb("error").$type<Record<string, unknown>>(),
    progress: numeric("progress", { precision: 5, scale: 2, mode: "number" }).notNull().default(0),
    correlationId: text("correlation_id"),
    /** The caller's key (startWorkflow, a journey step, a schedule's run): one instance per key. */
    idempotencyKey: text("idempotency_key"),
    parentInstanceId: uuid("parent_instance_id"),
    parentStepId: text("parent_step_id"),
    scheduleId: uuid("schedule_id"),
    startedBy: uuid("started_by").references(() => users.id),
    startedAt: timestamptz("started_at"),
    completedAt: timestamptz("completed_at"),
    estimatedCompletionAt: timestamptz("estimated_completion_at"),
    /** The version of its last event: every transition appends one event and bumps this, so it is
     * also the optimistic lock callers pass back (cancel, retry). */
    version: bigint("version", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("workflow_instances_account_id_id_key").on(t.accountId, t.id),
    uniqueIndex("workflow_instances_idempotency_key")
      .on(t.accountId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index("workflow_instances_account_created_idx").on(t.accountId, t.createdAt),
    index("workflow_instances_account_status_idx").on(t.accountId, t.status, t.createdAt),
    index("workflow_instances_definition_idx").on(t.accountId, t.definitionId, t.createdAt),
    index("workflow_instances_correlation_idx")
      .on(t.accountId, t.correlationId)
      .where(sql`correlation_id is not null`),
    index("workflow_instances_parent_idx")
      .on(t.accountId, t.parentInstanceId)
      .where(sql`parent_instance_id is not null`),
    // Retention: finished instances by age.
    index("workflow_instances_finished_idx")
      .on(t.completedAt)
      .where(sql`status in ('completed', 'failed', 'cancelled')`),
    foreignKey({
      name: "workflow_instances_definition_fk",
      columns: [t.accountId, t.definitionId],
      foreignColumns: [workflowDefinitions.accountId, workflowDefinitions.id],
    }),
    foreignKey({
      name: "workflow_instances_parent_fk",
      columns: [t.accountId, t.parentInstanceId],
      foreignColumns: [t.accountId, t.id],
    }).onDelete("cascade"),
    check(
      "workflow_instances_finished_have_completed_at",
      sql`${t.status} not in ('completed', 'failed', 'cancelled') or ${t.completedAt} is not null`,
    ),
    check("workflow_instances_progress_range", sql`${t.progress} between 0 and 100`),
    check("workflow_instances_version_nonnegative", sql`${t.version} >= 0`),
  ],
);

export const workflowSteps = pgTable(
  "workflow_steps",
  {
    id: id(),
    accountId: accountId(),
    instanceId: uuid("instance_id").notNull(),
    /** The step's id in the definition. */
    stepId: text("step_id").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    status: workflowStepStatus("status").notNull().default("pending"),
    dependsOn: text("depends_on").array().notNull().default(sql`'{}'::text[]`),
    /** Position in a topological order of the DAG (ties broken by definition order). */
    executionOrder: integer("execution_order").notNull(),
    /** Attempts started so far; the job for attempt n + 1 names n + 1. */
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(1),
    timeoutSeconds: integer("timeout_seconds"),
    /** { initialSeconds, multiplier, maxSeconds, jitter } */
    backoff: jsonb("backoff").$type<Record<string, unknown>>().notNull().default({}),
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb("result").$type<unknown>(),
    error: jsonb("error").$type<Record<string, unknown>>(),
    /** Why it was skipped (its skip condition held, or a dependency was skipped…). */
    skipReason: text("skip_reason"),
    /** When the next attempt may start (backoff), a wait ends, or an approval times out. */
    nextRunAt: timestamptz("next_run_at"),
    /** A running step the engine is waiting on: approval, time, child workflow. */
    waitingFor: text("waiting_for"),
    startedAt: timestamptz("started_at"),
    completedAt: timestamptz("completed_at"),
    /** 1, 2, 3… in the order steps completed: compensations run in the reverse of it. */
    completionOrder: integer("completion_order"),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("workflow_steps_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_steps_step_key").on(t.accountId, t.instanceId, t.stepId),
    index("workflow_steps_instance_order_idx").on(t.accountId, t.instanceId, t.executionOrder),
    // The sweeper: running steps past their deadline (a worker died, a step overran).
    index("workflow_steps_running_idx").on(t.startedAt).where(sql`status = 'running'`),
    instanceRef(t, "workflow_steps_instance_fk"),
    check("workflow_steps_attempts_range", sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
  ],
);

export const stepExecutions = pgTable(
  "step_executions",
  {
    id: id(),
    accountId: accountId(),
    instanceId: uuid("instance_id").notNull(),
    stepRowId: uuid("step_row_id").notNull(),
    attempt: integer("attempt").notNull(),
    status: stepExecutionStatus("status").notNull().default("running"),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    completedAt: timestamptz("completed_at"),
    durationMs: integer("duration_ms"),
    input: jsonb("input").$type<unknown>(),
    output: jsonb("output").$type<unknown>(),
    error: jsonb("error").$type<Record<string, unknown>>(),
    /** The worker process that ran it (host:pid). */
    worker: text("worker"),
  },
  (t) => [
    unique("step_executions_account_id_id_key").on(t.accountId, t.id),
    unique("step_executions_attempt_key").on(t.accountId, t.stepRowId, t.attempt),
    index("step_executions_instance_idx").on(t.accountId, t.instanceId, t.startedAt),
    instanceRef(t, "step_executions_instance_fk"),
    foreignKey({
      name: "step_executions_step_fk",
      columns: [t.accountId, t.stepRowId],
      foreignColumns: [workflowSteps.accountId, workflowSteps.id],
    }).onDelete("cascade"),
    check("step_executions_attempt_positive", sql`${t.attempt} > 0`),
  ],
);

export const workflowEvents = pgTable(
  "workflow_events",
  {
    id: id(),
    accountId: accountId(),
    instanceId: uuid("instance_id").notNull(),
    /** 1, 2, 3… per instance, no gaps: the instance row's version when this event was appended. */
    version: bigint("version", { mode: "number" }).notNull(),
    type: text("type").notNull(),
    stepId: text("step_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** user:<id>, api_key:<id>, worker, schedule:<id>… */
    actor: text("actor").notNull(),
    occurredAt: timestamptz("occurred_at").notNull().defaultNow(),
  },
  (t) => [
    unique("workflow_events_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_events_version_key").on(t.accountId, t.instanceId, t.version),
    instanceRef(t, "workflow_events_instance_fk"),
    check("workflow_events_version_positive", sql`${t.version} > 0`),
  ],
);

export const workflowVariables = pgTable(
  "workflow_variables",
  {
    id: id(),
    accountId: accountId(),
    instanceId: uuid("instance_id").notNull(),
    name: text("name").notNull(),
    type: workflowVariableType("type").notNull(),
    value: jsonb("value").$type<unknown>(),
    /** 'workflow' (input and step outputs) or 'step' (a step's own scratch). */
    scope: text("scope").notNull().default("workflow"),
    /** The step that wrote it last (null: the input). */
    updatedByStep: text("updated_by_step"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("workflow_variables_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_variables_name_key").on(t.accountId, t.instanceId, t.name),
    instanceRef(t, "workflow_variables_instance_fk"),
    check("workflow_variables_scope", sql`${t.scope} in ('workflow', 'step')`),
  ],
);

export const workflowSchedules = pgTable(
  "workflow_schedules",
  {
    id: id(),
    accountId: accountId(),
    /** Runs start the newest active version of this definition's name. */
    definitionId: uuid("definition_id").notNull(),
    name: text("name").notNull(),
    cron: text("cron").notNull(),
    /** IANA zone the cron expression is read in ("0 9 * * 1-5" = 09:00 there, across DST). */
    timeZone: text("time_zone").notNull().default("UTC"),
    enabled: boolean("enabled").notNull().default(true),
    input: jsonb("input").$type<Record<string, unknown>>().notNull().default({}),
    priority: workflowPriority("priority").notNull().default("normal"),
    missedRunPolicy: workflowMissedRunPolicy("missed_run_policy").notNull().default("skip"),
    nextRunAt: timestamptz("next_run_at"),
    lastRunAt: timestamptz("last_run_at"),
    /** started | failed (the start was refused: no active version, …). */
    lastStatus: text("last_status"),
    lastError: text("last_error"),
    lastInstanceId: uuid("last_instance_id"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("workflow_schedules_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_schedules_name_key").on(t.accountId, t.name),
    index("workflow_schedules_due_idx").on(t.nextRunAt).where(sql`enabled`),
    foreignKey({
      name: "workflow_schedules_definition_fk",
      columns: [t.accountId, t.definitionId],
      foreignColumns: [workflowDefinitions.accountId, workflowDefinitions.id],
    }).onDelete("cascade"),
  ],
);

export const workflowSnapshots = pgTable(
  "workflow_snapshots",
  {
    id: id(),
    accountId: accountId(),
    instanceId: uuid("instance_id").notNull(),
    /** The event version the snapshot is taken at. */
    version: bigint("version", { mode: "number" }).notNull(),
    /** The instance, its steps and variables as they were at that version. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("workflow_snapshots_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_snapshots_version_key").on(t.accountId, t.instanceId, t.version),
    instanceRef(t, "workflow_snapshots_instance_fk"),
  ],
);

export const workflowCompensations = pgTable(
  "workflow_compensations",
  {
    id: id(),
    accountId: accountId(),
    instanceId: uuid("instance_id").notNull(),
    /** The completed step being undone. */
    stepId: text("step_id").notNull(),
    /** The compensation step's type (e.g. release_tokens, http_request). */
    type: text("type").notNull(),
    /** 1 = first to run: the reverse of the steps' completion order. */
    position: integer("position").notNull(),
    status: workflowCompensationStatus("status").notNull().default("pending"),
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb("result").$type<unknown>(),
    error: jsonb("error").$type<Record<string, unknown>>(),
    attempts: integer("attempts").notNull().default(0),
    startedAt: timestamptz("started_at"),
    completedAt: timestamptz("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("workflow_compensations_account_id_id_key").on(t.accountId, t.id),
    unique("workflow_compensations_step_key").on(t.accountId, t.instanceId, t.stepId),
    instanceRef(t, "workflow_compensations_instance_fk"),
  ],
);
