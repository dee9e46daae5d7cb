// Identity reads: who am I, which accounts may I act in, and the current account's people and keys.
import { schema } from "@markettina/db";
import { API_SCOPES } from "@markettina/domain";
import { count, eq, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { builder } from "../builder.ts";
import { currentAccountId, type GraphQLContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { InvitationStatusEnum } from "./enums.ts";
import { auditLogFilter, invitationsFilter, subAccountsFilter } from "./filters.ts";
import {
  AccountConnection,
  AccountRef,
  ApiKeyConnection,
  ApiKeyRef,
  AuditLogEntryConnection,
  InvitationConnection,
  MembershipConnection,
  UserRef,
} from "./types.ts";

interface ViewerShape {
  userId: string | null;
  apiKeyId: string | null;
  scopes: string[];
}

const ViewerRef = builder.objectRef<ViewerShape>("Viewer").implement({
  description: "Who is asking: a console user or an API key.",
  fields: (t) => ({
    user: t.drizzleField({
      type: UserRef,
      nullable: true,
      resolve: (query, viewer, _args, ctx) =>
        viewer.userId
          ? runPlanned(ctx.tx.query.users.findFirst(query({ where: { id: viewer.userId } })), "viewer_user")
          : null,
    }),
    apiKey: t.drizzleField({
      type: ApiKeyRef,
      nullable: true,
      resolve: (query, viewer, _args, ctx) =>
        viewer.apiKeyId
          ? runPlanned(
              ctx.tx.query.apiKeys.findFirst(query({ where: { id: viewer.apiKeyId } })),
              "viewer_api_key",
            )
          : null,
    }),
    isPlatformAdmin: t.boolean({
      description: "Operators of the installation (database health, all tenants).",
      resolve: async (viewer, _args, ctx) => {
        if (!viewer.userId) return false;
        const [me] = await ctx.tx
          .select({ admin: schema.users.isPlatformAdmin })
          .from(schema.users)
          .where(eq(schema.users.id, viewer.userId));
        return me?.admin ?? false;
      },
    }),
    scopes: t.exposeStringList("scopes", { description: "An API key's scopes (empty for users)." }),
  }),
});

const AuditLogFilter = builder.inputType("AuditLogFilter", {
  fields: (t) => ({
    actorUserId: t.globalID({ for: UserRef }),
    action: t.string(),
    entityType: t.string(),
    entityId: t.string({ validate: z.uuid("entityId must be a UUID.") }),
    from: t.field({ type: "DateTime" }),
    to: t.field({ type: "DateTime" }),
  }),
});

/** totalCount of a root connection: the same filter as its rows. */
async function countRows(ctx: GraphQLContext, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await ctx.tx.select({ n: count() }).from(table).where(where).prepare("count_rows").execute();
  return row?.n ?? 0;
}

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => {
      const p = ctx.principal!;
      return p.kind === "user"
        ? { userId: p.userId, apiKeyId: null, scopes: [] }
        : { userId: null, apiKeyId: p.apiKeyId, scopes: p.scopes };
    },
  }),

  account: t.drizzleField({
    type: AccountRef,
    description: "The current account (X-Account-Id header, or the API key's account).",
    authScopes: { permission: "identity:read" },
    resolve: async (query, _root, _args, ctx) =>
      (await runPlanned(
        ctx.tx.query.accounts.findFirst(query({ where: { id: currentAccountId(ctx) } })),
        "current_account",
      ))!,
  }),

  accounts: t.drizzleField({
    type: [AccountRef],
    description: "Every account the principal may act in: agencies first, then their sub-accounts.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => {
      const ids =
        ctx.principal?.kind === "apiKey"
          ? [ctx.principal.accountId]
          : (ctx.access?.reachable.map((a) => a.id) ?? []);
      // Not prepared: `in (…)` renders one placeholder per id, a new statement per list length.
      return runPlanned(
        ctx.tx.query.accounts.findMany(query({ where: { id: { in: ids } }, orderBy: { slug: "asc" } })),
      );
    },
  }),

  subAccounts: t.drizzleConnection(
    {
      type: "accounts",
      description: "The sub-accounts of the current (agency) account.",
      authScopes: { permission: "identity:read" },
      args: { search: t.arg.string({ validate: z.string().max(100) }) },
      totalCount: (_root, args, ctx) =>
        countRows(
          ctx,
          schema.accounts,
          subAccountsFilter(schema.accounts, currentAccountId(ctx), args.search),
        ),
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.accounts.findMany(
            query({
              where: { RAW: (t) => subAccountsFilter(t, currentAccountId(ctx), args.search) },
              orderBy: { name: "asc" },
            }),
          ),
          "sub_accounts",
        ),
    },
    AccountConnection,
  ),

  memberships: t.drizzleConnection(
    {
      type: "memberships",
      authScopes: { permission: "identity:read" },
      totalCount: (_root, _args, ctx) =>
        countRows(ctx, schema.memberships, eq(schema.memberships.accountId, currentAccountId(ctx))),
      resolve: (query, _root, _args, ctx) =>
        runPlanned(
          ctx.tx.query.memberships.findMany(
            query({ where: { accountId: currentAccountId(ctx) }, orderBy: { createdAt: "asc" } }),
          ),
          "memberships",
        ),
    },
    MembershipConnection,
  ),

  invitations: t.drizzleConnection(
    {
      type: "invitations",
      authScopes: { permission: "identity:read" },
      args: { status: t.arg({ type: InvitationStatusEnum }) },
      totalCount: (_root, args, ctx) =>
        countRows(
          ctx,
          schema.invitations,
          invitationsFilter(schema.invitations, currentAccountId(ctx), args.status),
        ),
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.invitations.findMany(
            query({
              where: { RAW: (t) => invitationsFilter(t, currentAccountId(ctx), args.status) },
              orderBy: { createdAt: "desc" },
            }),
          ),
          "invitations",
        ),
    },
    InvitationConnection,
  ),

  apiKeys: t.drizzleConnection(
    {
      type: "apiKeys",
      authScopes: { permission: "api_keys:manage" },
      totalCount: (_root, _args, ctx) =>
        countRows(ctx, schema.apiKeys, eq(schema.apiKeys.accountId, currentAccountId(ctx))),
      resolve: (query, _root, _args, ctx) =>
        runPlanned(
          ctx.tx.query.apiKeys.findMany(
            query({ where: { accountId: currentAccountId(ctx) }, orderBy: { createdAt: "desc" } }),
          ),
          "api_keys",
        ),
    },
    ApiKeyConnection,
  ),

  auditLog: t.drizzleConnection(
    {
      type: "auditLogs",
      authScopes: { permission: "audit:read" },
      args: { filter: t.arg({ type: AuditLogFilter }) },
      totalCount: (_root, args, ctx) =>
        countRows(
          ctx,
          schema.auditLogs,
          auditLogFilter(schema.auditLogs, currentAccountId(ctx), args.filter),
        ),
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.auditLogs.findMany(
            query({
              where: { RAW: (t) => auditLogFilter(t, currentAccountId(ctx), args.filter) },
              orderBy: { createdAt: "desc" },
            }),
          ),
          "audit_log",
        ),
    },
    AuditLogEntryConnection,
  ),

  apiScopes: t.stringList({
    description: "The scopes an API key may be given.",
    resolve: () => [...API_SCOPES],
  }),
}));
