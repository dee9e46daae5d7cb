CREATE TABLE "brand_dna" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL CONSTRAINT "brand_dna_account_key" UNIQUE,
	"brand_name" text DEFAULT '' NOT NULL,
	"mission" text DEFAULT '' NOT NULL,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	"tone_formality" integer DEFAULT 50 NOT NULL,
	"tone_adjectives" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"personas" jsonb DEFAULT '[]' NOT NULL,
	"key_messages" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"words_to_avoid" text[] DEFAULT '{}'::text[] NOT NULL,
	"palette" jsonb DEFAULT '[]' NOT NULL,
	"fonts" jsonb DEFAULT '{"heading":"","body":""}' NOT NULL,
	"example_posts" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{en}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "brand_dna_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "brand_dna_tone_formality_range" CHECK ("tone_formality" between 0 and 100),
	CONSTRAINT "brand_dna_version_positive" CHECK ("version" > 0)
);
--> statement-breakpoint
CREATE TABLE "brand_dna_versions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"brand_dna_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"restored_from_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "brand_dna_versions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "brand_dna_versions_version_key" UNIQUE("brand_dna_id","version")
);
--> statement-breakpoint
CREATE INDEX "brand_dna_versions_history_idx" ON "brand_dna_versions" ("account_id","brand_dna_id","version" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "brand_dna" ADD CONSTRAINT "brand_dna_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "brand_dna" ADD CONSTRAINT "brand_dna_updated_by_users_id_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "brand_dna_versions" ADD CONSTRAINT "brand_dna_versions_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "brand_dna_versions" ADD CONSTRAINT "brand_dna_versions_brand_dna_fk" FOREIGN KEY ("account_id","brand_dna_id") REFERENCES "brand_dna"("account_id","id") ON DELETE CASCADE;