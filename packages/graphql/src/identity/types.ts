// Identity object types. Reads are planned by the drizzle plugin into the request's RLS
// transaction, so another tenant's row is simply absent (node lookups included).
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import {
  AccountKindEnum,
  AccountPlanEnum,
  AccountStatusEnum,
  ApiKeyStatusEnum,
  InvitationStatusEnum,
  MembershipRoleEnum,
} from "./enums.ts";

export const UserRef = builder.drizzleNode("users", {
  name: "User",
  id: { column: (u) => u.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const AccountRef = builder.drizzleNode("accounts", {
  name: "Account",
  id: { column: (a) => a.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    kind: t.expose("kind", { type: AccountKindEnum }),
    plan: t.expose("plan", { type: AccountPlanEnum }),
    status: t.expose("status", { type: AccountStatusEnum }),
    timeZone: t.exposeString("timeZone"),
    locale: t.exposeString("locale"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    parentAccount: t.relation("parentAccount", { nullable: true }),
    viewerRole: t.field({
      type: MembershipRoleEnum,
      nullable: true,
      description: "The principal's effective role in this account (null for API keys).",
      resolve: (account, _args, ctx) => ctx.access?.reachable.find((a) => a.id === account.id)?.role ?? null,
    }),
    subAccounts: t.relatedConnection(
      "subAccounts",
      { totalCount: true, query: { where: { deletedAt: { isNull: true } }, orderBy: { name: "asc" } } },
      AccountConnection,
    ),
    memberships: t.relatedConnection(
      "memberships",
      { totalCount: true, query: { orderBy: { createdAt: "asc" } } },
      MembershipConnection,
    ),
  }),
});

export const MembershipRef = builder.drizzleNode("memberships", {
  name: "Membership",
  id: { column: (m) => m.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    role: t.expose("role", { type: MembershipRoleEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    user: t.relation("user"),
    account: t.relation("account"),
  }),
});

export const InvitationRef = builder.drizzleNode("invitations", {
  name: "Invitation",
  id: { column: (i) => i.id },
  authScopes: { permission: "identity:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    email: t.exposeString("email"),
    role: t.expose("role", { type: MembershipRoleEnum }),
    status: t.field({
      type: InvitationStatusEnum,
      select: { columns: { status: true, expiresAt: true } },
      resolve: (i) => (i.status === "pending" && i.expiresAt.getTime() <= Date.now() ? "expired" : i.status),
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    invitedBy: t.relation("invitedBy", { nullable: true }),
  }),
});

export const ApiKeyRef = builder.drizzleNode("apiKeys", {
  name: "ApiKey",
  id: { column: (k) => k.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The first characters of the secret, to recognise it." }),
    scopes: t.exposeStringList("scopes"),
    status: t.field({
      type: ApiKeyStatusEnum,
      select: { columns: { revokedAt: true, expiresAt: true } },
      resolve: (k) =>
        k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt.getTime() <= Date.now() ? "expired" : "active",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.relation("createdByUser", { nullable: true }),
  }),
});

export const AuditLogEntryRef = builder.drizzleNode("auditLogs", {
  name: "AuditLogEntry",
  id: { column: (e) => e.id },
  authScopes: { permission: "audit:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId", { nullable: true }),
    actorUser: t.relation("actorUser", { nullable: true }),
    actorApiKey: t.relation("actorApiKey", { nullable: true }),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    ip: t.exposeString("ip", { nullable: true }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const AccountConnection = namedConnection(AccountRef, "Account");
export const MembershipConnection = namedConnection(MembershipRef, "Membership");
export const InvitationConnection = namedConnection(InvitationRef, "Invitation");
export const ApiKeyConnection = namedConnection(ApiKeyRef, "ApiKey");
export const AuditLogEntryConnection = namedConnection(AuditLogEntryRef, "AuditLogEntry");
