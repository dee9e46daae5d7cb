// Content (DOMAIN.md §4): campaigns, content items with their versions and approvals, templates,
// media assets, connectors, scheduled posts (the calendar) and content generations. Rows edited by
// people carry a version (optimistic locking); references between them are composite keys with
// account_id so a row can never point into another tenant.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  type PgColumn,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tokenReservations } from "./billing.ts";
import { accountId, createdAt, id, timestamptz, updatedAt } from "./columns.ts";
import { accounts, users } from "./identity.ts";

export const campaignType = pgEnum("campaign_type", ["broadcast", "journey", "recurring", "social"]);
export const campaignStatus = pgEnum("campaign_status", [
  "draft",
  "scheduled",
  "active",
  "paused",
  "completed",
  "cancelled",
]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    type: campaignType("type").notNull(),
    status: campaignStatus("status").notNull().default("draft"),
    objectives: text("objectives").array().notNull().default(sql`'{}'::text[]`),
    budgetTokens: bigint("budget_tokens", { mode: "number" }),
    budgetMinor: integer("budget_minor"),
    budgetCurrency: text("budget_currency"),
    startsAt: timestamptz("starts_at"),
    endsAt: timestamptz("ends_at"),
    /** The IANA zone the dates were planned in (display, "9:00 local"). */
    timeZone: text("time_zone").notNull().default("UTC"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
    deletedAt: timestamptz("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    unique("campaigns_account_id_id_key").on(t.accountId, t.id),
    index("campaigns_account_status_idx")
      .on(t.accountId, t.status, t.createdAt.desc())
      .where(sql`deleted_at is null`),
    index("campaigns_account_deleted_idx").on(t.accountId, t.deletedAt).where(sql`deleted_at is not null`),
    check(
      "campaigns_dates",
      sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`,
    ),
    check(
      "campaigns_budget",
      sql`coalesce(${t.budgetTokens}, 0) >= 0 and coalesce(${t.budgetMinor}, 0) >= 0
          and (${t.budgetMinor} is null) = (${t.budgetCurrency} is null)`,
    ),
    check("campaigns_version_positive", sql`${t.version} > 0`),
  ],
);

export const contentType = pgEnum("content_type", ["social_post", "email", "blog_post", "ad_copy", "sms"]);
export const contentStatus = pgEnum("content_status", [
  "draft",
  "review",
  "approved",
  "published",
  "archived",
]);
export const approvalDecision = pgEnum("approval_decision", ["pending", "approved", "rejected", "withdrawn"]);
export const templateKind = pgEnum("template_kind", ["content", "email"]);
export const connectorKind = pgEnum("connector_kind", ["smtp", "webhook", "log"]);
export const postChannel = pgEnum("post_channel", [
  "email",
  "linkedin",
  "instagram",
  "facebook",
  "x",
  "webhook",
  "blog",
]);
export const postStatus = pgEnum("post_status", [
  "scheduled",
  "publishing",
  "published",
  "failed",
  "cancelled",
]);
export const generationStatus = pgEnum("generation_status", ["pending", "succeeded", "failed"]);

/** What the brand check found in a piece of content (words to avoid, length per channel). */
export interface BrandCheckResult {
  passed: boolean;
  checkedAt: string;
  brandDnaVersion: number;
  issues: { code: string; message: string }[];
}

const campaignRef = (t: { accountId: PgColumn; campaignId: PgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.accountId, t.campaignId],
    foreignColumns: [campaigns.accountId, campaigns.id],
  });

export const contentTemplates = pgTable(
  "content_templates",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    kind: templateKind("kind").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Email subject line (kind email); may hold merge variables. */
    subject: text("subject").notNull().default(""),
    /** Text with {{variables}}. The HTML version is rendered from it, never authored: the text and
     * every merge value are escaped, so markup or script in a template or a value stays inert. */
    body: text("body").notNull().default(""),
    /** The merge variables the template declares, with an optional default each. */
    variables: jsonb("variables")
      .$type<{ name: string; defaultValue: string | null }[]>()
      .notNull()
      .default([]),
    version: integer("version").notNull().default(1),
    archivedAt: timestamptz("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("content_templates_account_id_id_key").on(t.accountId, t.id),
    unique("content_templates_name_key").on(t.accountId, t.kind, t.name),
    check("content_templates_version_positive", sql`${t.version} > 0`),
  ],
);

export const mediaAssets = pgTable(
  "media_assets",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** SHA-256 of the bytes, hex: integrity and duplicate detection. */
    sha256: text("sha256").notNull(),
    /** Where the storage backend keeps the bytes (a key, not a URL: the URL is derived). */
    storageKey: text("storage_key").notNull(),
    altText: text("alt_text").notNull().default(""),
    width: integer("width"),
    height: integer("height"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [
    unique("media_assets_account_id_id_key").on(t.accountId, t.id),
    index("media_assets_account_created_idx")
      .on(t.accountId, t.createdAt.desc())
      .where(sql`deleted_at is null`),
    check("media_assets_size", sql`${t.sizeBytes} >= 0`),
  ],
);

export const contentItems = pgTable(
  "content_items",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id"),
    type: contentType("type").notNull(),
    status: contentStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    /** The email subject (type email); empty otherwise. */
    subject: text("subject").notNull().default(""),
    /** Plain text or light Markdown written by people or generated; escaped wherever shown. */
    body: text("body").notNull().default(""),
    /** The template the item was started from, if any (kept for reference; the body is a copy). */
    templateId: uuid("template_id"),
    mediaAssetIds: uuid("media_asset_ids").array().notNull().default(sql`'{}'::uuid[]`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    brandCheck: jsonb("brand_check").$type<BrandCheckResult>(),
    /** The generation that produced the first draft, if any. */
    generationId: uuid("generation_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("content_items_account_id_id_key").on(t.accountId, t.id),
    index("content_items_account_status_idx").on(t.accountId, t.status, t.updatedAt.desc()),
    index("content_items_campaign_idx").on(t.accountId, t.campaignId).where(sql`campaign_id is not null`),
    campaignRef(t, "content_items_campaign_fk"),
    foreignKey({
      name: "content_items_template_fk",
      columns: [t.accountId, t.templateId],
      foreignColumns: [contentTemplates.accountId, contentTemplates.id],
    }),
    check("content_items_version_positive", sql`${t.version} > 0`),
  ],
);

export const contentVersions = pgTable(
  "content_versions",
  {
    id: id(),
    accountId: accountId(),
    contentItemId: uuid("content_item_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: contentStatus("status").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("content_versions_account_id_id_key").on(t.accountId, t.id),
    unique("content_versions_version_key").on(t.accountId, t.contentItemId, t.version),
    index("content_versions_history_idx").on(t.accountId, t.contentItemId, t.version.desc()),
    foreignKey({
      name: "content_versions_item_fk",
      columns: [t.accountId, t.contentItemId],
      foreignColumns: [contentItems.accountId, contentItems.id],
    }).onDelete("cascade"),
  ],
);

export const contentApprovals = pgTable(
  "content_approvals",
  {
    id: id(),
    accountId: accountId(),
    contentItemId: uuid("content_item_id").notNull(),
    /** The content version the review was asked for. */
    version: integer("version").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    requestedAt: createdAt(),
    requestNote: text("request_note").notNull().default(""),
    reviewerId: uuid("reviewer_id").references(() => users.id),
    decision: approvalDecision("decision").notNull().default("pending"),
    comment: text("comment").notNull().default(""),
    decidedAt: timestamptz("decided_at"),
  },
  (t) => [
    unique("content_approvals_account_id_id_key").on(t.accountId, t.id),
    index("content_approvals_item_idx").on(t.accountId, t.contentItemId, t.requestedAt.desc()),
    // At most one open review per item.
    uniqueIndex("content_approvals_one_pending_key")
      .on(t.accountId, t.contentItemId)
      .where(sql`decision = 'pending'`),
    foreignKey({
      name: "content_approvals_item_fk",
      columns: [t.accountId, t.contentItemId],
      foreignColumns: [contentItems.accountId, contentItems.id],
    }).onDelete("cascade"),
  ],
);

/** Where posts go: SMTP (config: from, to[]), webhook (config: url; secret signs), log (demo). */
export const connectors = pgTable(
  "connectors",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    kind: connectorKind("kind").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    /** The webhook signing secret; never returned by the API after creation. */
    secret: text("secret"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("connectors_account_id_id_key").on(t.accountId, t.id),
    unique("connectors_name_key").on(t.accountId, t.name),
  ],
);

export const scheduledPosts = pgTable(
  "scheduled_posts",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    contentItemId: uuid("content_item_id").notNull(),
    campaignId: uuid("campaign_id"),
    channel: postChannel("channel").notNull(),
    connectorId: uuid("connector_id").notNull(),
    /** Always UTC; time_zone is the IANA zone it was planned in (keeps "9:00 local" on moves). */
    scheduledAt: timestamptz("scheduled_at").notNull(),
    timeZone: text("time_zone").notNull(),
    status: postStatus("status").notNull().default("scheduled"),
    attempts: integer("attempts").notNull().default(0),
    /** After a failed attempt: when the next one may run (backoff). */
    nextAttemptAt: timestamptz("next_attempt_at"),
    /** When a worker claimed the post for publishing (a claim older than the lease is stale). */
    claimedAt: timestamptz("claimed_at"),
    lastError: text("last_error"),
    publishedAt: timestamptz("published_at"),
    externalId: text("external_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("scheduled_posts_account_id_id_key").on(t.accountId, t.id),
    index("scheduled_posts_calendar_idx").on(t.accountId, t.scheduledAt),
    index("scheduled_posts_due_idx")
      .on(sql`coalesce(${t.nextAttemptAt}, ${t.scheduledAt})`)
      .where(sql`status in ('scheduled', 'publishing')`),
    index("scheduled_posts_content_idx").on(t.accountId, t.contentItemId),
    index("scheduled_posts_campaign_idx").on(t.accountId, t.campaignId).where(sql`campaign_id is not null`),
    foreignKey({
      name: "scheduled_posts_content_fk",
      columns: [t.accountId, t.contentItemId],
      foreignColumns: [contentItems.accountId, contentItems.id],
    }),
    campaignRef(t, "scheduled_posts_campaign_fk"),
    foreignKey({
      name: "scheduled_posts_connector_fk",
      columns: [t.accountId, t.connectorId],
      foreignColumns: [connectors.accountId, connectors.id],
    }),
    check("scheduled_posts_attempts", sql`${t.attempts} >= 0`),
    check("scheduled_posts_published", sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check("scheduled_posts_version_positive", sql`${t.version} > 0`),
  ],
);

export const contentGenerations = pgTable(
  "content_generations",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    contentItemId: uuid("content_item_id"),
    campaignId: uuid("campaign_id"),
    serviceCode: text("service_code").notNull().default("content_generation"),
    contentType: contentType("content_type").notNull(),
    channel: postChannel("channel"),
    brief: text("brief").notNull(),
    prompt: text("prompt").notNull(),
    brandDnaVersion: integer("brand_dna_version").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    reservationId: uuid("reservation_id"),
    tokensReserved: bigint("tokens_reserved", { mode: "number" }).notNull().default(0),
    tokensCharged: bigint("tokens_charged", { mode: "number" }).notNull().default(0),
    status: generationStatus("status").notNull().default("pending"),
    output: text("output"),
    brandCheck: jsonb("brand_check").$type<BrandCheckResult>(),
    error: text("error"),
    createdAt: createdAt(),
    completedAt: timestamptz("completed_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("content_generations_account_id_id_key").on(t.accountId, t.id),
    index("content_generations_account_created_idx").on(t.accountId, t.createdAt.desc()),
    foreignKey({
      name: "content_generations_item_fk",
      columns: [t.accountId, t.contentItemId],
      foreignColumns: [contentItems.accountId, contentItems.id],
    }),
    campaignRef(t, "content_generations_campaign_fk"),
    foreignKey({
      name: "content_generations_reservation_fk",
      columns: [t.accountId, t.reservationId],
      foreignColumns: [tokenReservations.accountId, tokenReservations.id],
    }),
    check("content_generations_tokens", sql`${t.tokensReserved} >= 0 and ${t.tokensCharged} >= 0`),
  ],
);
