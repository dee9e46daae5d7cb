// What contacts did and what was done to them: append-only, partitioned by month on occurred_at.
import { sql } from "drizzle-orm";
import { jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accountId, createdAt, timestamptz } from "./columns.ts";

/**
 * Types: email_sent, email_delivered, email_opened, email_clicked, email_bounced, unsubscribed,
 * sms_sent, push_opened, journey_entered, journey_step_completed, journey_exited, consent_granted,
 * consent_revoked, or an integrator's custom type. Partitioned, so the table is created by
 * hand-written SQL (drizzle/…_marketing_events) and kept out of drizzle-kit's diff; the client's
 * event id is made unique by marketing_event_keys (a partitioned table's unique keys must include
 * occurred_at).
 */
export const marketingEvents = pgTable(
  "marketing_events",
  {
    id: uuid("id").notNull(),
    accountId: accountId(),
    contactId: uuid("contact_id").notNull(),
    type: text("type").notNull(),
    campaignId: uuid("campaign_id"),
    journeyId: uuid("journey_id"),
    clientEventId: text("client_event_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    occurredAt: timestamptz("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.id, t.occurredAt] })],
);
