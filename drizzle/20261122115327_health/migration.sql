CREATE TABLE "health_samples" (
	"id" uuid PRIMARY KEY,
	"sampled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"round_trip_ms" real NOT NULL,
	"connections_total" integer NOT NULL,
	"connections_active" integer NOT NULL,
	"connections_idle_in_transaction" integer NOT NULL,
	"max_connections" integer NOT NULL,
	"database_bytes" bigint NOT NULL,
	"table_cache_hit_ratio" double precision,
	"index_cache_hit_ratio" double precision,
	"queue_depth" integer NOT NULL,
	"failed_jobs" integer NOT NULL,
	"longest_query_seconds" double precision,
	"blocked_queries" integer NOT NULL,
	"transaction_id_age" bigint NOT NULL,
	"checks" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materialized_view_refreshes" (
	"view_name" text PRIMARY KEY,
	"refreshed_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "health_samples_sampled_at_idx" ON "health_samples" ("sampled_at" DESC NULLS LAST);