CREATE TYPE "campaign_status" AS ENUM('draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "campaign_type" AS ENUM('broadcast', 'journey', 'recurring', 'social');--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" "campaign_type" NOT NULL,
	"status" "campaign_status" DEFAULT 'draft'::"campaign_status" NOT NULL,
	"objectives" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_tokens" bigint,
	"budget_minor" integer,
	"budget_currency" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"metadata" jsonb DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "campaigns_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "campaigns_dates" CHECK ("starts_at" is null or "ends_at" is null or "starts_at" < "ends_at"),
	CONSTRAINT "campaigns_budget" CHECK (coalesce("budget_tokens", 0) >= 0 and coalesce("budget_minor", 0) >= 0
          and ("budget_minor" is null) = ("budget_currency" is null)),
	CONSTRAINT "campaigns_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE INDEX "campaigns_account_status_idx" ON "campaigns" ("account_id","status","created_at" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "campaigns_account_deleted_idx" ON "campaigns" ("account_id","deleted_at") WHERE deleted_at is not null;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_deleted_by_users_id_fkey" FOREIGN KEY ("deleted_by") REFERENCES "users"("id");