// The operators' database health context: a sample of the headline figures every minute (kept
// seven days, for trend charts) and when each materialized view was last refreshed. Neither belongs
// to a tenant: samples are readable by platform admins only (row-level security asks
// app.is_platform_admin()), refresh times are written only by the refresh functions.
import { bigint, doublePrecision, index, integer, jsonb, pgTable, real, text } from "drizzle-orm/pg-core";
import { id, timestamptz } from "./columns.ts";

export const healthSamples = pgTable(
  "health_samples",
  {
    id: id(),
    sampledAt: timestamptz("sampled_at").notNull().defaultNow(),
    /** healthy | degraded | unhealthy, as the report said at that minute. */
    status: text("status").notNull(),
    roundTripMs: real("round_trip_ms").notNull(),
    connectionsTotal: integer("connections_total").notNull(),
    connectionsActive: integer("connections_active").notNull(),
    connectionsIdleInTransaction: integer("connections_idle_in_transaction").notNull(),
    maxConnections: integer("max_connections").notNull(),
    databaseBytes: bigint("database_bytes", { mode: "number" }).notNull(),
    /** null: no block was read yet since the statistics were reset. */
    tableCacheHitRatio: doublePrecision("table_cache_hit_ratio"),
    indexCacheHitRatio: doublePrecision("index_cache_hit_ratio"),
    /** Jobs waiting (created or retry) over every pg-boss queue. */
    queueDepth: integer("queue_depth").notNull(),
    /** Jobs that failed for good in the last 24 hours, over every queue. */
    failedJobs: integer("failed_jobs").notNull(),
    longestQuerySeconds: doublePrecision("longest_query_seconds"),
    blockedQueries: integer("blocked_queries").notNull(),
    transactionIdAge: bigint("transaction_id_age", { mode: "number" }).notNull(),
    /** Each check's status at that minute: { "connections": "pass", … }. */
    checks: jsonb("checks").$type<Record<string, string>>().notNull(),
  },
  (t) => [index("health_samples_sampled_at_idx").on(t.sampledAt.desc())],
);

export const materializedViewRefreshes = pgTable("materialized_view_refreshes", {
  viewName: text("view_name").primaryKey(),
  refreshedAt: timestamptz("refreshed_at").notNull(),
  durationMs: integer("duration_ms").notNull(),
});
