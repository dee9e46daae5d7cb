CREATE TYPE "approval_decision" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "connector_kind" AS ENUM('smtp', 'webhook', 'log');--> statement-breakpoint
CREATE TYPE "content_status" AS ENUM('draft', 'review', 'approved', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "content_type" AS ENUM('social_post', 'email', 'blog_post', 'ad_copy', 'sms');--> statement-breakpoint
CREATE TYPE "generation_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "post_channel" AS ENUM('email', 'linkedin', 'instagram', 'facebook', 'x', 'webhook', 'blog');--> statement-breakpoint
CREATE TYPE "post_status" AS ENUM('scheduled', 'publishing', 'published', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "template_kind" AS ENUM('content', 'email');--> statement-breakpoint
CREATE TABLE "connectors" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"kind" "connector_kind" NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}' NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "connectors_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "connectors_name_key" UNIQUE("account_id","name")
);
--> statement-breakpoint
CREATE TABLE "content_approvals" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"content_item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_note" text DEFAULT '' NOT NULL,
	"reviewer_id" uuid,
	"decision" "approval_decision" DEFAULT 'pending'::"approval_decision" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "content_approvals_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_generations" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"content_item_id" uuid,
	"campaign_id" uuid,
	"service_code" text DEFAULT 'content_generation' NOT NULL,
	"content_type" "content_type" NOT NULL,
	"channel" "post_channel",
	"brief" text NOT NULL,
	"prompt" text NOT NULL,
	"brand_dna_version" integer NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"reservation_id" uuid,
	"tokens_reserved" bigint DEFAULT 0 NOT NULL,
	"tokens_charged" bigint DEFAULT 0 NOT NULL,
	"status" "generation_status" DEFAULT 'pending'::"generation_status" NOT NULL,
	"output" text,
	"brand_check" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "content_generations_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "content_generations_tokens" CHECK ("tokens_reserved" >= 0 and "tokens_charged" >= 0)
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"campaign_id" uuid,
	"type" "content_type" NOT NULL,
	"status" "content_status" DEFAULT 'draft'::"content_status" NOT NULL,
	"title" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"template_id" uuid,
	"media_asset_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"brand_check" jsonb,
	"generation_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	CONSTRAINT "content_items_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "content_items_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "content_templates" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"kind" "template_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"variables" jsonb DEFAULT '[]' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "content_templates_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "content_templates_name_key" UNIQUE("account_id","kind","name"),
	CONSTRAINT "content_templates_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"content_item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" "content_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "content_versions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "content_versions_version_key" UNIQUE("account_id","content_item_id","version")
);
--> statement-breakpoint
CREATE TABLE "media_assets" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"alt_text" text DEFAULT '' NOT NULL,
	"width" integer,
	"height" integer,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "media_assets_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "media_assets_size" CHECK ("size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scheduled_posts" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"content_item_id" uuid NOT NULL,
	"campaign_id" uuid,
	"channel" "post_channel" NOT NULL,
	"connector_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"status" "post_status" DEFAULT 'scheduled'::"post_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"published_at" timestamp with time zone,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "scheduled_posts_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "scheduled_posts_attempts" CHECK ("attempts" >= 0),
	CONSTRAINT "scheduled_posts_published" CHECK (("status" = 'published') = ("published_at" is not null)),
	CONSTRAINT "scheduled_posts_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE INDEX "content_approvals_item_idx" ON "content_approvals" ("account_id","content_item_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "content_approvals_one_pending_key" ON "content_approvals" ("account_id","content_item_id") WHERE decision = 'pending';--> statement-breakpoint
CREATE INDEX "content_generations_account_created_idx" ON "content_generations" ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_account_status_idx" ON "content_items" ("account_id","status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_campaign_idx" ON "content_items" ("account_id","campaign_id") WHERE campaign_id is not null;--> statement-breakpoint
CREATE INDEX "content_versions_history_idx" ON "content_versions" ("account_id","content_item_id","version" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "media_assets_account_created_idx" ON "media_assets" ("account_id","created_at" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "scheduled_posts_calendar_idx" ON "scheduled_posts" ("account_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "scheduled_posts_due_idx" ON "scheduled_posts" (coalesce("next_attempt_at", "scheduled_at")) WHERE status in ('scheduled', 'publishing');--> statement-breakpoint
CREATE INDEX "scheduled_posts_content_idx" ON "scheduled_posts" ("account_id","content_item_id");--> statement-breakpoint
CREATE INDEX "scheduled_posts_campaign_idx" ON "scheduled_posts" ("account_id","campaign_id") WHERE campaign_id is not null;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_approvals" ADD CONSTRAINT "content_approvals_requested_by_users_id_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_approvals" ADD CONSTRAINT "content_approvals_reviewer_id_users_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_approvals" ADD CONSTRAINT "content_approvals_item_fk" FOREIGN KEY ("account_id","content_item_id") REFERENCES "content_items"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "content_generations" ADD CONSTRAINT "content_generations_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "content_generations" ADD CONSTRAINT "content_generations_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_generations" ADD CONSTRAINT "content_generations_item_fk" FOREIGN KEY ("account_id","content_item_id") REFERENCES "content_items"("account_id","id");--> statement-breakpoint
ALTER TABLE "content_generations" ADD CONSTRAINT "content_generations_campaign_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "campaigns"("account_id","id");--> statement-breakpoint
ALTER TABLE "content_generations" ADD CONSTRAINT "content_generations_reservation_fk" FOREIGN KEY ("account_id","reservation_id") REFERENCES "token_reservations"("account_id","id");--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_updated_by_users_id_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_campaign_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "campaigns"("account_id","id");--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_template_fk" FOREIGN KEY ("account_id","template_id") REFERENCES "content_templates"("account_id","id");--> statement-breakpoint
ALTER TABLE "content_templates" ADD CONSTRAINT "content_templates_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "content_templates" ADD CONSTRAINT "content_templates_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_item_fk" FOREIGN KEY ("account_id","content_item_id") REFERENCES "content_items"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "scheduled_posts" ADD CONSTRAINT "scheduled_posts_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "scheduled_posts" ADD CONSTRAINT "scheduled_posts_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "scheduled_posts" ADD CONSTRAINT "scheduled_posts_content_fk" FOREIGN KEY ("account_id","content_item_id") REFERENCES "content_items"("account_id","id");--> statement-breakpoint
ALTER TABLE "scheduled_posts" ADD CONSTRAINT "scheduled_posts_campaign_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "campaigns"("account_id","id");--> statement-breakpoint
ALTER TABLE "scheduled_posts" ADD CONSTRAINT "scheduled_posts_connector_fk" FOREIGN KEY ("account_id","connector_id") REFERENCES "connectors"("account_id","id");