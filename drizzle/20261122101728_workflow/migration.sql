CREATE TYPE "step_execution_status" AS ENUM('running', 'completed', 'failed', 'timeout', 'cancelled');--> statement-breakpoint
CREATE TYPE "workflow_compensation_status" AS ENUM('pending', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "workflow_definition_status" AS ENUM('draft', 'active', 'deprecated', 'archived');--> statement-breakpoint
CREATE TYPE "workflow_instance_status" AS ENUM('pending', 'running', 'completed', 'failed', 'cancelled', 'compensating');--> statement-breakpoint
CREATE TYPE "workflow_missed_run_policy" AS ENUM('skip', 'catch_up_once');--> statement-breakpoint
CREATE TYPE "workflow_priority" AS ENUM('low', 'normal', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "workflow_step_status" AS ENUM('pending', 'running', 'completed', 'failed', 'skipped', 'compensating', 'compensated', 'cancelled');--> statement-breakpoint
CREATE TYPE "workflow_variable_type" AS ENUM('string', 'number', 'boolean', 'object', 'array');--> statement-breakpoint
CREATE TABLE "step_executions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"step_row_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"status" "step_execution_status" DEFAULT 'running'::"step_execution_status" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"duration_ms" integer,
	"input" jsonb,
	"output" jsonb,
	"error" jsonb,
	"worker" text,
	CONSTRAINT "step_executions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "step_executions_attempt_key" UNIQUE("account_id","step_row_id","attempt"),
	CONSTRAINT "step_executions_attempt_positive" CHECK ("attempt" > 0)
);
--> statement-breakpoint
CREATE TABLE "workflow_compensations" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"type" text NOT NULL,
	"position" integer NOT NULL,
	"status" "workflow_compensation_status" DEFAULT 'pending'::"workflow_compensation_status" NOT NULL,
	"parameters" jsonb DEFAULT '{}' NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_compensations_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_compensations_step_key" UNIQUE("account_id","instance_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "workflow_definitions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"status" "workflow_definition_status" DEFAULT 'draft'::"workflow_definition_status" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"deprecated_at" timestamp with time zone,
	CONSTRAINT "workflow_definitions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_definitions_name_version_key" UNIQUE("account_id","name","version"),
	CONSTRAINT "workflow_definitions_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"version" bigint NOT NULL,
	"type" text NOT NULL,
	"step_id" text,
	"data" jsonb DEFAULT '{}' NOT NULL,
	"actor" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_events_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_events_version_key" UNIQUE("account_id","instance_id","version"),
	CONSTRAINT "workflow_events_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "workflow_instances" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"status" "workflow_instance_status" DEFAULT 'pending'::"workflow_instance_status" NOT NULL,
	"priority" "workflow_priority" DEFAULT 'normal'::"workflow_priority" NOT NULL,
	"context" jsonb DEFAULT '{}' NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"progress" numeric(5,2) DEFAULT '0' NOT NULL,
	"correlation_id" text,
	"idempotency_key" text,
	"parent_instance_id" uuid,
	"parent_step_id" text,
	"schedule_id" uuid,
	"started_by" uuid,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"estimated_completion_at" timestamp with time zone,
	"version" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_instances_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_instances_finished_have_completed_at" CHECK ("status" not in ('completed', 'failed', 'cancelled') or "completed_at" is not null),
	CONSTRAINT "workflow_instances_progress_range" CHECK ("progress" between 0 and 100),
	CONSTRAINT "workflow_instances_version_nonnegative" CHECK ("version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "workflow_schedules" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cron" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"input" jsonb DEFAULT '{}' NOT NULL,
	"priority" "workflow_priority" DEFAULT 'normal'::"workflow_priority" NOT NULL,
	"missed_run_policy" "workflow_missed_run_policy" DEFAULT 'skip'::"workflow_missed_run_policy" NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_status" text,
	"last_error" text,
	"last_instance_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_schedules_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_schedules_name_key" UNIQUE("account_id","name")
);
--> statement-breakpoint
CREATE TABLE "workflow_snapshots" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"version" bigint NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_snapshots_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_snapshots_version_key" UNIQUE("account_id","instance_id","version")
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" "workflow_step_status" DEFAULT 'pending'::"workflow_step_status" NOT NULL,
	"depends_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"execution_order" integer NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 1 NOT NULL,
	"timeout_seconds" integer,
	"backoff" jsonb DEFAULT '{}' NOT NULL,
	"parameters" jsonb DEFAULT '{}' NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"skip_reason" text,
	"next_run_at" timestamp with time zone,
	"waiting_for" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completion_order" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_steps_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_steps_step_key" UNIQUE("account_id","instance_id","step_id"),
	CONSTRAINT "workflow_steps_attempts_range" CHECK ("attempts" >= 0 and "max_attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "workflow_variables" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "workflow_variable_type" NOT NULL,
	"value" jsonb,
	"scope" text DEFAULT 'workflow' NOT NULL,
	"updated_by_step" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_variables_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "workflow_variables_name_key" UNIQUE("account_id","instance_id","name"),
	CONSTRAINT "workflow_variables_scope" CHECK ("scope" in ('workflow', 'step'))
);
--> statement-breakpoint
CREATE INDEX "step_executions_instance_idx" ON "step_executions" ("account_id","instance_id","started_at");--> statement-breakpoint
CREATE INDEX "workflow_definitions_account_status_idx" ON "workflow_definitions" ("account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_instances_idempotency_key" ON "workflow_instances" ("account_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "workflow_instances_account_created_idx" ON "workflow_instances" ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_instances_account_status_idx" ON "workflow_instances" ("account_id","status","created_at");--> statement-breakpoint
CREATE INDEX "workflow_instances_definition_idx" ON "workflow_instances" ("account_id","definition_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_instances_correlation_idx" ON "workflow_instances" ("account_id","correlation_id") WHERE correlation_id is not null;--> statement-breakpoint
CREATE INDEX "workflow_instances_parent_idx" ON "workflow_instances" ("account_id","parent_instance_id") WHERE parent_instance_id is not null;--> statement-breakpoint
CREATE INDEX "workflow_instances_finished_idx" ON "workflow_instances" ("completed_at") WHERE status in ('completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE INDEX "workflow_schedules_due_idx" ON "workflow_schedules" ("next_run_at") WHERE enabled;--> statement-breakpoint
CREATE INDEX "workflow_steps_instance_order_idx" ON "workflow_steps" ("account_id","instance_id","execution_order");--> statement-breakpoint
CREATE INDEX "workflow_steps_running_idx" ON "workflow_steps" ("started_at") WHERE status = 'running';--> statement-breakpoint
ALTER TABLE "step_executions" ADD CONSTRAINT "step_executions_instance_fk" FOREIGN KEY ("account_id","instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "step_executions" ADD CONSTRAINT "step_executions_step_fk" FOREIGN KEY ("account_id","step_row_id") REFERENCES "workflow_steps"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_compensations" ADD CONSTRAINT "workflow_compensations_instance_fk" FOREIGN KEY ("account_id","instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD CONSTRAINT "workflow_definitions_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_instance_fk" FOREIGN KEY ("account_id","instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_started_by_users_id_fkey" FOREIGN KEY ("started_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_definition_fk" FOREIGN KEY ("account_id","definition_id") REFERENCES "workflow_definitions"("account_id","id");--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_parent_fk" FOREIGN KEY ("account_id","parent_instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_schedules" ADD CONSTRAINT "workflow_schedules_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "workflow_schedules" ADD CONSTRAINT "workflow_schedules_definition_fk" FOREIGN KEY ("account_id","definition_id") REFERENCES "workflow_definitions"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_snapshots" ADD CONSTRAINT "workflow_snapshots_instance_fk" FOREIGN KEY ("account_id","instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_instance_fk" FOREIGN KEY ("account_id","instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "workflow_variables" ADD CONSTRAINT "workflow_variables_instance_fk" FOREIGN KEY ("account_id","instance_id") REFERENCES "workflow_instances"("account_id","id") ON DELETE CASCADE;