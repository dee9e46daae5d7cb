CREATE TYPE "consent_channel" AS ENUM('email', 'sms', 'push');--> statement-breakpoint
CREATE TYPE "consent_status" AS ENUM('granted', 'denied', 'pending');--> statement-breakpoint
CREATE TYPE "consent_type" AS ENUM('marketing', 'transactional');--> statement-breakpoint
CREATE TYPE "contact_status" AS ENUM('active', 'unsubscribed', 'bounced');--> statement-breakpoint
CREATE TYPE "journey_execution_status" AS ENUM('active', 'waiting', 'completed', 'exited', 'failed');--> statement-breakpoint
CREATE TYPE "journey_status" AS ENUM('draft', 'active', 'paused', 'archived');--> statement-breakpoint
CREATE TYPE "message_channel" AS ENUM('email', 'sms', 'push');--> statement-breakpoint
CREATE TYPE "message_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'suppressed', 'cancelled');--> statement-breakpoint
CREATE TYPE "segment_kind" AS ENUM('dynamic', 'static');--> statement-breakpoint
CREATE TABLE "consent_history" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" "consent_channel" NOT NULL,
	"type" "consent_type" NOT NULL,
	"status" "consent_status" NOT NULL,
	"source" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" "consent_channel" NOT NULL,
	"type" "consent_type" NOT NULL,
	"status" "consent_status" NOT NULL,
	"granted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"source" text NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_records_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "consent_records_key" UNIQUE("account_id","contact_id","channel","type")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"attributes" jsonb DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"status" "contact_status" DEFAULT 'active'::"contact_status" NOT NULL,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "contacts_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "contacts_email_key" UNIQUE("account_id","email"),
	CONSTRAINT "contacts_reachable" CHECK ("email" is not null or "phone" is not null),
	CONSTRAINT "contacts_email_normalized" CHECK ("email" is null or "email" = lower(btrim("email"))),
	CONSTRAINT "contacts_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "delivery_logs" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"status" text NOT NULL,
	"detail" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_executions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"journey_version_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"current_node_id" text NOT NULL,
	"step_seq" integer DEFAULT 0 NOT NULL,
	"status" "journey_execution_status" DEFAULT 'active'::"journey_execution_status" NOT NULL,
	"state" jsonb DEFAULT '{}' NOT NULL,
	"next_run_at" timestamp with time zone,
	"exit_reason" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_executions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "journey_executions_entry_key" UNIQUE("account_id","journey_id","contact_id","entry_key")
);
--> statement-breakpoint
CREATE TABLE "journey_node_stats" (
	"account_id" uuid,
	"journey_id" uuid,
	"node_id" text,
	"entered" bigint DEFAULT 0 NOT NULL,
	"waiting" bigint DEFAULT 0 NOT NULL,
	"completed" bigint DEFAULT 0 NOT NULL,
	"errored" bigint DEFAULT 0 NOT NULL,
	"converted" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_node_stats_pkey" PRIMARY KEY("account_id","journey_id","node_id"),
	CONSTRAINT "journey_node_stats_non_negative" CHECK ("entered" >= 0 and "waiting" >= 0 and "completed" >= 0 and "errored" >= 0 and "converted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "journey_steps" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"execution_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"node_id" text NOT NULL,
	"node_kind" text NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"detail" jsonb DEFAULT '{}' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "journey_steps_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "journey_steps_seq_key" UNIQUE("account_id","execution_id","seq")
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	CONSTRAINT "journey_versions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "journey_versions_number_key" UNIQUE("account_id","journey_id","number"),
	CONSTRAINT "journey_versions_number_positive" CHECK ("number" > 0)
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "journey_status" DEFAULT 'draft'::"journey_status" NOT NULL,
	"draft" jsonb NOT NULL,
	"published_version" integer,
	"activated_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "journeys_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "journeys_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "marketing_event_keys" (
	"account_id" uuid,
	"client_event_id" text,
	"event_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_event_keys_pkey" PRIMARY KEY("account_id","client_event_id")
);
--> statement-breakpoint
CREATE TABLE "marketing_segments" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"conditions" jsonb NOT NULL,
	"kind" "segment_kind" DEFAULT 'dynamic'::"segment_kind" NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"last_calculated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "marketing_segments_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "marketing_segments_member_count" CHECK ("member_count" >= 0),
	CONSTRAINT "marketing_segments_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "message_queue" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" "message_channel" NOT NULL,
	"provider" text NOT NULL,
	"purpose" "consent_type" DEFAULT 'marketing'::"consent_type" NOT NULL,
	"idempotency_key" text NOT NULL,
	"journey_id" uuid,
	"execution_id" uuid,
	"node_id" text,
	"campaign_id" uuid,
	"payload" jsonb NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "message_status" DEFAULT 'queued'::"message_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_queue_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "message_queue_idempotency_key" UNIQUE("account_id","idempotency_key"),
	CONSTRAINT "message_queue_attempts" CHECK ("attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "segment_memberships" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exited_at" timestamp with time zone,
	CONSTRAINT "segment_memberships_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "segment_memberships_times" CHECK ("exited_at" is null or "exited_at" >= "entered_at")
);
--> statement-breakpoint
CREATE INDEX "consent_history_contact_idx" ON "consent_history" ("account_id","contact_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_external_id_key" ON "contacts" ("account_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "contacts_account_created_idx" ON "contacts" ("account_id","created_at" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_tags_idx" ON "contacts" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "contacts_attributes_idx" ON "contacts" USING gin ("attributes" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "delivery_logs_message_idx" ON "delivery_logs" ("account_id","message_id","created_at");--> statement-breakpoint
CREATE INDEX "journey_executions_node_idx" ON "journey_executions" ("account_id","journey_id","current_node_id","status");--> statement-breakpoint
CREATE INDEX "journey_executions_contact_idx" ON "journey_executions" ("account_id","contact_id","entered_at");--> statement-breakpoint
CREATE INDEX "journey_executions_due_idx" ON "journey_executions" ("next_run_at") WHERE status in ('active', 'waiting');--> statement-breakpoint
CREATE INDEX "journeys_account_status_idx" ON "journeys" ("account_id","status") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_segments_name_key" ON "marketing_segments" ("account_id","name") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "message_queue_due_idx" ON "message_queue" ("scheduled_at") WHERE status in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "message_queue_contact_sent_idx" ON "message_queue" ("account_id","contact_id","sent_at");--> statement-breakpoint
CREATE INDEX "message_queue_execution_idx" ON "message_queue" ("account_id","execution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segment_memberships_current_key" ON "segment_memberships" ("account_id","segment_id","contact_id") WHERE exited_at is null;--> statement-breakpoint
CREATE INDEX "segment_memberships_contact_idx" ON "segment_memberships" ("account_id","contact_id");--> statement-breakpoint
ALTER TABLE "consent_history" ADD CONSTRAINT "consent_history_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "consent_history" ADD CONSTRAINT "consent_history_actor_api_key_id_api_keys_id_fkey" FOREIGN KEY ("actor_api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "consent_history" ADD CONSTRAINT "consent_history_contact_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "contacts"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_contact_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "contacts"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_deleted_by_users_id_fkey" FOREIGN KEY ("deleted_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "delivery_logs" ADD CONSTRAINT "delivery_logs_message_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "message_queue"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journey_executions" ADD CONSTRAINT "journey_executions_journey_fk" FOREIGN KEY ("account_id","journey_id") REFERENCES "journeys"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journey_executions" ADD CONSTRAINT "journey_executions_version_fk" FOREIGN KEY ("account_id","journey_version_id") REFERENCES "journey_versions"("account_id","id");--> statement-breakpoint
ALTER TABLE "journey_executions" ADD CONSTRAINT "journey_executions_contact_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "contacts"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journey_node_stats" ADD CONSTRAINT "journey_node_stats_journey_fk" FOREIGN KEY ("account_id","journey_id") REFERENCES "journeys"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journey_steps" ADD CONSTRAINT "journey_steps_execution_fk" FOREIGN KEY ("account_id","execution_id") REFERENCES "journey_executions"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_published_by_users_id_fkey" FOREIGN KEY ("published_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journey_fk" FOREIGN KEY ("account_id","journey_id") REFERENCES "journeys"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_deleted_by_users_id_fkey" FOREIGN KEY ("deleted_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_campaign_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "campaigns"("account_id","id");--> statement-breakpoint
ALTER TABLE "marketing_segments" ADD CONSTRAINT "marketing_segments_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "marketing_segments" ADD CONSTRAINT "marketing_segments_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "marketing_segments" ADD CONSTRAINT "marketing_segments_deleted_by_users_id_fkey" FOREIGN KEY ("deleted_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "message_queue" ADD CONSTRAINT "message_queue_contact_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "contacts"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "message_queue" ADD CONSTRAINT "message_queue_journey_fk" FOREIGN KEY ("account_id","journey_id") REFERENCES "journeys"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "message_queue" ADD CONSTRAINT "message_queue_execution_fk" FOREIGN KEY ("account_id","execution_id") REFERENCES "journey_executions"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "message_queue" ADD CONSTRAINT "message_queue_campaign_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "campaigns"("account_id","id");--> statement-breakpoint
ALTER TABLE "segment_memberships" ADD CONSTRAINT "segment_memberships_segment_fk" FOREIGN KEY ("account_id","segment_id") REFERENCES "marketing_segments"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "segment_memberships" ADD CONSTRAINT "segment_memberships_contact_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "contacts"("account_id","id") ON DELETE CASCADE;