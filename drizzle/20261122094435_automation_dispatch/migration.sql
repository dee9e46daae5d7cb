ALTER TABLE "journey_executions" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "message_queue" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
DROP INDEX "journey_executions_due_idx";--> statement-breakpoint
CREATE INDEX "journey_executions_due_idx" ON "journey_executions" ("next_run_at") WHERE status in ('active', 'waiting') and dispatched_at is null;--> statement-breakpoint
DROP INDEX "message_queue_due_idx";--> statement-breakpoint
CREATE INDEX "message_queue_due_idx" ON "message_queue" ("priority" DESC NULLS LAST,"scheduled_at") WHERE status = 'queued' and dispatched_at is null;--> statement-breakpoint
CREATE INDEX "journey_executions_dispatched_idx" ON "journey_executions" ("dispatched_at") WHERE status in ('active', 'waiting') and dispatched_at is not null;--> statement-breakpoint
CREATE INDEX "message_queue_dispatched_idx" ON "message_queue" ("dispatched_at") WHERE status = 'queued' and dispatched_at is not null;--> statement-breakpoint
CREATE INDEX "message_queue_claimed_idx" ON "message_queue" ("claimed_at") WHERE status = 'sending';