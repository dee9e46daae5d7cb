// Identity and tenancy: accounts (agency → sub-accounts), users, memberships, invitations, API keys.
// Every tenant table carries account_id and a unique (account_id, id) so children can reference it
// with a composite foreign key (see DOMAIN.md, "tenant-safe references").
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accountId, createdAt, id, timestamptz, updatedAt } from "./columns.ts";

export const accountKind = pgEnum("account_kind", ["agency", "business"]);
export const accountPlan = pgEnum("account_plan", ["free", "starter", "pro", "enterprise"]);
export const accountStatus = pgEnum("account_status", ["active", "suspended", "closed"]);
export const membershipRole = pgEnum("membership_role", ["owner", "admin", "member", "viewer", "billing"]);
export const invitationStatus = pgEnum("invitation_status", ["pending", "accepted", "revoked", "expired"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamptz("email_verified_at"),
    lastLoginAt: timestamptz("last_login_at"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: timestamptz("locked_until"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    kind: accountKind("kind").notNull().default("business"),
    parentAccountId: uuid("parent_account_id").references((): AnyPgColumn => accounts.id),
    plan: accountPlan("plan").notNull().default("free"),
    status: accountStatus("status").notNull().default("active"),
    timeZone: text("time_zone").notNull().default("UTC"),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
    deletedAt: timestamptz("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    unique("accounts_slug_key").on(t.slug),
    // Lets an agency's rows name one of its own sub-accounts with a composite key
    // (service_markups): (agency, sub-account) must be a real parent/child pair. It also serves
    // "the sub-accounts of this agency" (a separate index on parent_account_id was redundant).
    unique("accounts_parent_id_key").on(t.parentAccountId, t.id),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("memberships_account_id_id_key").on(t.accountId, t.id),
    unique("memberships_account_user_key").on(t.accountId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: membershipRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    status: invitationStatus("status").notNull().default("pending"),
    expiresAt: timestamptz("expires_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("invitations_account_id_id_key").on(t.accountId, t.id),
    unique("invitations_token_hash_key").on(t.tokenHash),
    // One live invitation per address and account; accepted or revoked ones stay as history.
    uniqueIndex("invitations_pending_email_key")
      .on(t.accountId, sql`lower(${t.email})`)
      .where(sql`status = 'pending'`),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    expiresAt: timestamptz("expires_at"),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("api_keys_account_id_id_key").on(t.accountId, t.id),
    unique("api_keys_secret_hash_key").on(t.secretHash),
  ],
);
