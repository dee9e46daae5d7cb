// Content (DOMAIN.md §4): campaigns so far. Campaigns are edited by people (version) and
// soft-deleted (deleted_at/deleted_by), restorable.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
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
