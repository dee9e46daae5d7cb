import { boolean, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { accountId, createdAt, id, timestamptz, updatedAt } from "./columns.ts";
import { accounts, apiKeys, users } from "./identity.ts";

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorApiKeyId: uuid("actor_api_key_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("audit_logs_account_id_id_key").on(t.accountId, t.id),
    // The console lists newest first and filters by entity or actor inside one account.
    index("audit_logs_account_created_idx").on(t.accountId, t.createdAt.desc(), t.id.desc()),
    index("audit_logs_account_entity_idx").on(t.accountId, t.entityType, t.entityId),
    index("audit_logs_account_actor_idx").on(t.accountId, t.actorUserId),
    foreignKey({
      name: "audit_logs_api_key_fk",
      columns: [t.accountId, t.actorApiKeyId],
      foreignColumns: [apiKeys.accountId, apiKeys.id],
    }),
  ],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    operation: text("operation").notNull(),
    requestFingerprint: text("request_fingerprint").notNull(),
    response: jsonb("response"),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [
    unique("idempotency_keys_account_id_id_key").on(t.accountId, t.id),
    // The key is the guard against a retried mutation running twice.
    unique("idempotency_keys_account_key_key").on(t.accountId, t.key),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);

/** Installation-wide flags (not tenant data): the default for every account. */
export const featureFlags = pgTable("feature_flags", {
  key: text("key").primaryKey(),
  description: text("description").notNull().default(""),
  enabled: boolean("enabled").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Per-account overrides of a feature flag. */
export const accountFeatureFlags = pgTable(
  "account_feature_flags",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    flagKey: text("flag_key")
      .notNull()
      .references(() => featureFlags.key, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("account_feature_flags_account_id_id_key").on(t.accountId, t.id),
    unique("account_feature_flags_account_flag_key").on(t.accountId, t.flagKey),
  ],
);

/** Leaky-bucket state per API key (or per account for console traffic). */
export const apiRateLimits = pgTable(
  "api_rate_limits",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    apiKeyId: uuid("api_key_id"),
    level: integer("level").notNull().default(0),
    capacity: integer("capacity").notNull(),
    leakPerSecond: integer("leak_per_second").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("api_rate_limits_account_id_id_key").on(t.accountId, t.id),
    unique("api_rate_limits_account_key_key").on(t.accountId, t.apiKeyId).nullsNotDistinct(),
    foreignKey({
      name: "api_rate_limits_api_key_fk",
      columns: [t.accountId, t.apiKeyId],
      foreignColumns: [apiKeys.accountId, apiKeys.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Changes to installation-wide data (the billing catalogs), which belong to no tenant and so
 * cannot go to audit_logs. Written by the application, readable only by platform admins
 * (row-level security asks app.is_platform_admin()).
 */
export const platformAuditLogs = pgTable(
  "platform_audit_logs",
  {
    id: id(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [index("platform_audit_logs_created_idx").on(t.createdAt.desc(), t.id.desc())],
);
