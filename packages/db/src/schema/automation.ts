// Marketing automation (DOMAIN.md §5): contacts with their consent, segments and memberships,
// journeys with immutable published versions, one execution per contact per entry with its step
// log, per-node statistics, and the message queue with delivery logs. Every reference between these
// tables is a composite key with account_id, so no row can point into another tenant.
// marketing_events is partitioned by month and lives in hand-written SQL (marketing-events.ts).
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  type PgColumn,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accountId, createdAt, id, timestamptz, updatedAt } from "./columns.ts";
import { campaigns } from "./content.ts";
import { accounts, apiKeys, users } from "./identity.ts";

export const contactStatus = pgEnum("contact_status", ["active", "unsubscribed", "bounced"]);
export const consentChannel = pgEnum("consent_channel", ["email", "sms", "push"]);
export const consentType = pgEnum("consent_type", ["marketing", "transactional"]);
export const consentStatus = pgEnum("consent_status", ["granted", "denied", "pending"]);
export const segmentKind = pgEnum("segment_kind", ["dynamic", "static"]);
export const journeyStatus = pgEnum("journey_status", ["draft", "active", "paused", "archived"]);
export const journeyExecutionStatus = pgEnum("journey_execution_status", [
  "active",
  "waiting",
  "completed",
  "exited",
  "failed",
]);
export const messageChannel = pgEnum("message_channel", ["email", "sms", "push"]);
export const messageStatus = pgEnum("message_status", [
  "queued",
  "sending",
  "sent",
  "failed",
  /** Not sent on purpose: no consent, frequency cap reached, contact unsubscribed or bounced. */
  "suppressed",
  "cancelled",
]);

const contactRef = (t: { accountId: PgColumn; contactId: PgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.accountId, t.contactId],
    foreignColumns: [contacts.accountId, contacts.id],
  });

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    /** Stored lower-cased and trimmed, so (account, email) is unique however it was typed. */
    email: text("email"),
    /** E.164 (+ and digits). */
    phone: text("phone"),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** IANA zone: waits "until 9:00" and quiet hours are in the contact's own time. */
    timeZone: text("time_zone").notNull().default("UTC"),
    status: contactStatus("status").notNull().default("active"),
    /** The integrator's own id for the contact, if it sends one. */
    externalId: text("external_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
    deletedAt: timestamptz("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    unique("contacts_account_id_id_key").on(t.accountId, t.id),
    // Deduplication key for imports and bulk upserts; a deleted contact keeps its email, so
    // importing it again restores that contact rather than creating a second one.
    unique("contacts_email_key").on(t.accountId, t.email),
    uniqueIndex("contacts_external_id_key").on(t.accountId, t.externalId).where(sql`external_id is not null`),
    index("contacts_account_created_idx").on(t.accountId, t.createdAt.desc()).where(sql`deleted_at is null`),
    // GIN cannot lead with account_id without btree_gin; RLS still filters by account, and the
    // planner combines these with the account index (bitmap AND).
    index("contacts_tags_idx").using("gin", t.tags),
    index("contacts_attributes_idx").using("gin", t.attributes.op("jsonb_path_ops")),
    check("contacts_reachable", sql`${t.email} is not null or ${t.phone} is not null`),
    check("contacts_email_normalized", sql`${t.email} is null or ${t.email} = lower(btrim(${t.email}))`),
    check("contacts_version_positive", sql`${t.version} > 0`),
  ],
);

/** The current consent per contact × channel × type; every change is also kept in consent_history. */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid("contact_id").notNull(),
    channel: consentChannel("channel").notNull(),
    type: consentType("type").notNull(),
    status: consentStatus("status").notNull(),
    grantedAt: timestamptz("granted_at"),
    revokedAt: timestamptz("revoked_at"),
    /** Where the consent came from: form, import, api, unsubscribe_link, console… */
    source: text("source").notNull(),
    ip: text("ip"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("consent_records_account_id_id_key").on(t.accountId, t.id),
    unique("consent_records_key").on(t.accountId, t.contactId, t.channel, t.type),
    contactRef(t, "consent_records_contact_fk").onDelete("cascade"),
  ],
);

export const consentHistory = pgTable(
  "consent_history",
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid("contact_id").notNull(),
    channel: consentChannel("channel").notNull(),
    type: consentType("type").notNull(),
    status: consentStatus("status").notNull(),
    source: text("source").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("consent_history_contact_idx").on(t.accountId, t.contactId, t.createdAt),
    contactRef(t, "consent_history_contact_fk").onDelete("cascade"),
  ],
);

export const marketingSegments = pgTable(
  "marketing_segments",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The condition tree (domain automation/segments/conditions.ts), validated before saving. */
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull(),
    kind: segmentKind("kind").notNull().default("dynamic"),
    memberCount: integer("member_count").notNull().default(0),
    lastCalculatedAt: timestamptz("last_calculated_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
    deletedAt: timestamptz("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    unique("marketing_segments_account_id_id_key").on(t.accountId, t.id),
    uniqueIndex("marketing_segments_name_key").on(t.accountId, t.name).where(sql`deleted_at is null`),
    check("marketing_segments_member_count", sql`${t.memberCount} >= 0`),
    check("marketing_segments_version_positive", sql`${t.version} > 0`),
  ],
);

/** One row per stay in a segment: exited_at is null while the contact is a member. */
export const segmentMemberships = pgTable(
  "segment_memberships",
  {
    id: id(),
    accountId: accountId(),
    segmentId: uuid("segment_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    enteredAt: timestamptz("entered_at").notNull().defaultNow(),
    exitedAt: timestamptz("exited_at"),
  },
  (t) => [
    unique("segment_memberships_account_id_id_key").on(t.accountId, t.id),
    uniqueIndex("segment_memberships_current_key")
      .on(t.accountId, t.segmentId, t.contactId)
      .where(sql`exited_at is null`),
    index("segment_memberships_contact_idx").on(t.accountId, t.contactId),
    foreignKey({
      name: "segment_memberships_segment_fk",
      columns: [t.accountId, t.segmentId],
      foreignColumns: [marketingSegments.accountId, marketingSegments.id],
    }).onDelete("cascade"),
    contactRef(t, "segment_memberships_contact_fk").onDelete("cascade"),
    check("segment_memberships_times", sql`${t.exitedAt} is null or ${t.exitedAt} >= ${t.enteredAt}`),
  ],
);

/**
 * The client's event ids already ingested. marketing_events is partitioned by occurred_at, so a
 * unique key on the client id alone cannot live there; this table is the idempotency key.
 */
export const marketingEventKeys = pgTable(
  "marketing_event_keys",
  {
    accountId: accountId(),
    clientEventId: text("client_event_id").notNull(),
    eventId: uuid("event_id").notNull(),
    occurredAt: timestamptz("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "marketing_event_keys_pkey", columns: [t.accountId, t.clientEventId] })],
);

export const journeys = pgTable(
  "journeys",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: journeyStatus("status").notNull().default("draft"),
    /** The working draft (domain automation/journeys/definition.ts); published copies are immutable. */
    draft: jsonb("draft").$type<Record<string, unknown>>().notNull(),
    /** The published version new entrants run; null until the first publish. */
    publishedVersion: integer("published_version"),
    activatedAt: timestamptz("activated_at"),
    pausedAt: timestamptz("paused_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
    deletedAt: timestamptz("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    unique("journeys_account_id_id_key").on(t.accountId, t.id),
    index("journeys_account_status_idx").on(t.accountId, t.status).where(sql`deleted_at is null`),
    foreignKey({
      name: "journeys_campaign_fk",
      columns: [t.accountId, t.campaignId],
      foreignColumns: [campaigns.accountId, campaigns.id],
    }),
    check("journeys_version_positive", sql`${t.version} > 0`),
  ],
);

export const journeyVersions = pgTable(
  "journey_versions",
  {
    id: id(),
    accountId: accountId(),
    journeyId: uuid("journey_id").notNull(),
    number: integer("number").notNull(),
    /** The validated definition: nodes, edges and settings. Never updated (no UPDATE grant). */
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    publishedAt: createdAt(),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [
    unique("journey_versions_account_id_id_key").on(t.accountId, t.id),
    unique("journey_versions_number_key").on(t.accountId, t.journeyId, t.number),
    foreignKey({
      name: "journey_versions_journey_fk",
      columns: [t.accountId, t.journeyId],
      foreignColumns: [journeys.accountId, journeys.id],
    }).onDelete("cascade"),
    check("journey_versions_number_positive", sql`${t.number} > 0`),
  ],
);

export const journeyExecutions = pgTable(
  "journey_executions",
  {
    id: id(),
    accountId: accountId(),
    journeyId: uuid("journey_id").notNull(),
    journeyVersionId: uuid("journey_version_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    /** What let the contact in (segment membership, event, manual/API enrolment id): with the
     * journey and contact it is unique, so a repeated trigger never enrols twice. */
    entryKey: text("entry_key").notNull(),
    currentNodeId: text("current_node_id").notNull(),
    /** Bumped by every step: a step job names the step it was sent for, and a job whose step has
     * already run (a retry after a crash) finds a different number and does nothing. */
    stepSeq: integer("step_seq").notNull().default(0),
    status: journeyExecutionStatus("status").notNull().default("active"),
    /** Variables the journey carries (split branches taken, wait deadlines, event payloads). */
    state: jsonb("state").$type<Record<string, unknown>>().notNull().default({}),
    /** When the next step is due; null once finished. */
    nextRunAt: timestamptz("next_run_at"),
    /** When a job for the due step was sent (by the dispatcher, or by the previous step in its own
     * transaction); null while no job is on its way. A lease: the dispatcher sends another only
     * once it is older than the dispatch lease (a job lost for good). */
    dispatchedAt: timestamptz("dispatched_at"),
    exitReason: text("exit_reason"),
    enteredAt: timestamptz("entered_at").notNull().defaultNow(),
    completedAt: timestamptz("completed_at"),
    convertedAt: timestamptz("converted_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("journey_executions_account_id_id_key").on(t.accountId, t.id),
    unique("journey_executions_entry_key").on(t.accountId, t.journeyId, t.contactId, t.entryKey),
    index("journey_executions_node_idx").on(t.accountId, t.journeyId, t.currentNodeId, t.status),
    index("journey_executions_contact_idx").on(t.accountId, t.contactId, t.enteredAt),
    // Due and no job on its way (the dispatcher's scan), and jobs on their way (their leases).
    index("journey_executions_due_idx")
      .on(t.nextRunAt)
      .where(sql`status in ('active', 'waiting') and dispatched_at is null`),
    index("journey_executions_dispatched_idx")
      .on(t.dispatchedAt)
      .where(sql`status in ('active', 'waiting') and dispatched_at is not null`),
    foreignKey({
      name: "journey_executions_journey_fk",
      columns: [t.accountId, t.journeyId],
      foreignColumns: [journeys.accountId, journeys.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "journey_executions_version_fk",
      columns: [t.accountId, t.journeyVersionId],
      foreignColumns: [journeyVersions.accountId, journeyVersions.id],
    }),
    contactRef(t, "journey_executions_contact_fk").onDelete("cascade"),
  ],
);

export const journeySteps = pgTable(
  "journey_steps",
  {
    id: id(),
    accountId: accountId(),
    executionId: uuid("execution_id").notNull(),
    seq: integer("seq").notNull(),
    nodeId: text("node_id").notNull(),
    nodeKind: text("node_kind").notNull(),
    /** completed | waiting | branch:<handle> | skipped | suppressed | errored | converted | exited */
    outcome: text("outcome").notNull(),
    error: text("error"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
  },
  (t) => [
    unique("journey_steps_account_id_id_key").on(t.accountId, t.id),
    // One row per step of an execution: a step replayed after a crash cannot log itself twice.
    unique("journey_steps_seq_key").on(t.accountId, t.executionId, t.seq),
    foreignKey({
      name: "journey_steps_execution_fk",
      columns: [t.accountId, t.executionId],
      foreignColumns: [journeyExecutions.accountId, journeyExecutions.id],
    }).onDelete("cascade"),
  ],
);

/** Per node counters, kept by the executor in the step's transaction (never by scanning steps). */
export const journeyNodeStats = pgTable(
  "journey_node_stats",
  {
    accountId: accountId(),
    journeyId: uuid("journey_id").notNull(),
    nodeId: text("node_id").notNull(),
    entered: bigint("entered", { mode: "number" }).notNull().default(0),
    waiting: bigint("waiting", { mode: "number" }).notNull().default(0),
    completed: bigint("completed", { mode: "number" }).notNull().default(0),
    errored: bigint("errored", { mode: "number" }).notNull().default(0),
    converted: bigint("converted", { mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "journey_node_stats_pkey", columns: [t.accountId, t.journeyId, t.nodeId] }),
    foreignKey({
      name: "journey_node_stats_journey_fk",
      columns: [t.accountId, t.journeyId],
      foreignColumns: [journeys.accountId, journeys.id],
    }).onDelete("cascade"),
    check(
      "journey_node_stats_non_negative",
      sql`${t.entered} >= 0 and ${t.waiting} >= 0 and ${t.completed} >= 0 and ${t.errored} >= 0 and ${t.converted} >= 0`,
    ),
  ],
);

export const messageQueue = pgTable(
  "message_queue",
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid("contact_id").notNull(),
    channel: messageChannel("channel").notNull(),
    /** smtp | sms_http | log… chosen when queued. */
    provider: text("provider").notNull(),
    /** Marketing messages need granted consent; transactional ones do not. */
    purpose: consentType("purpose").notNull().default("marketing"),
    /** Who produced it, e.g. journey-step:<execution>:<seq>: unique, so a step replayed after a
     * crash finds its message already queued instead of queueing another. */
    idempotencyKey: text("idempotency_key").notNull(),
    journeyId: uuid("journey_id"),
    executionId: uuid("execution_id"),
    nodeId: text("node_id"),
    campaignId: uuid("campaign_id"),
    /** Rendered message: to, subject, text, html (email) or to, text (sms). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    priority: integer("priority").notNull().default(0),
    scheduledAt: timestamptz("scheduled_at").notNull().defaultNow(),
    status: messageStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** When a send job naming it was sent (as journey_executions.dispatched_at); null once claimed. */
    dispatchedAt: timestamptz("dispatched_at"),
    /** When a sender claimed it ('sending'); a claim older than the lease is a crashed sender's. */
    claimedAt: timestamptz("claimed_at"),
    sentAt: timestamptz("sent_at"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("message_queue_account_id_id_key").on(t.accountId, t.id),
    unique("message_queue_idempotency_key").on(t.accountId, t.idempotencyKey),
    // Queued with no job on its way; jobs on their way; claims (a lapsed one is a dead sender's).
    index("message_queue_due_idx")
      .on(t.priority.desc(), t.scheduledAt)
      .where(sql`status = 'queued' and dispatched_at is null`),
    index("message_queue_dispatched_idx")
      .on(t.dispatchedAt)
      .where(sql`status = 'queued' and dispatched_at is not null`),
    index("message_queue_claimed_idx").on(t.claimedAt).where(sql`status = 'sending'`),
    index("message_queue_contact_sent_idx").on(t.accountId, t.contactId, t.sentAt),
    index("message_queue_execution_idx").on(t.accountId, t.executionId),
    contactRef(t, "message_queue_contact_fk").onDelete("cascade"),
    foreignKey({
      name: "message_queue_journey_fk",
      columns: [t.accountId, t.journeyId],
      foreignColumns: [journeys.accountId, journeys.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "message_queue_execution_fk",
      columns: [t.accountId, t.executionId],
      foreignColumns: [journeyExecutions.accountId, journeyExecutions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "message_queue_campaign_fk",
      columns: [t.accountId, t.campaignId],
      foreignColumns: [campaigns.accountId, campaigns.id],
    }),
    check("message_queue_attempts", sql`${t.attempts} >= 0`),
  ],
);

export const deliveryLogs = pgTable(
  "delivery_logs",
  {
    id: id(),
    accountId: accountId(),
    messageId: uuid("message_id").notNull(),
    status: text("status").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("delivery_logs_message_idx").on(t.accountId, t.messageId, t.createdAt),
    foreignKey({
      name: "delivery_logs_message_fk",
      columns: [t.accountId, t.messageId],
      foreignColumns: [messageQueue.accountId, messageQueue.id],
    }).onDelete("cascade"),
  ],
);
