// The domain event stream: every state change, appended in the same transaction as the change.
import { sql } from "drizzle-orm";
import { bigint, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accountId, createdAt } from "./columns.ts";

/**
 * The domain event stream. Partitioned by month on created_at, so the table itself is created by
 * hand-written SQL (drizzle/…_domain_events) and kept out of drizzle-kit's diff (drizzle.config.ts).
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: uuid("id").notNull(),
    accountId: accountId(),
    aggregateType: text("aggregate_type").notNull(),
    aggregateId: uuid("aggregate_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
    version: bigint("version", { mode: "number" }).notNull().default(1),
    correlationId: text("correlation_id"),
    actorUserId: uuid("actor_user_id"),
    actorApiKeyId: uuid("actor_api_key_id"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.id, t.createdAt] })],
);
