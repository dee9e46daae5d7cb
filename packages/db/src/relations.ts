// Drizzle relational-query (v2) relations; the GraphQL layer plans nested reads from these.
import { defineRelations } from "drizzle-orm";
import * as schema from "./schema/index.ts";

export const relations = defineRelations(schema, (r) => ({
  accounts: {
    parentAccount: r.one.accounts({
      from: r.accounts.parentAccountId,
      to: r.accounts.id,
      alias: "account_parent",
    }),
    subAccounts: r.many.accounts({
      from: r.accounts.id,
      to: r.accounts.parentAccountId,
      alias: "account_parent",
    }),
    memberships: r.many.memberships({ from: r.accounts.id, to: r.memberships.accountId }),
    invitations: r.many.invitations({ from: r.accounts.id, to: r.invitations.accountId }),
    apiKeys: r.many.apiKeys({ from: r.accounts.id, to: r.apiKeys.accountId }),
    auditLogs: r.many.auditLogs({ from: r.accounts.id, to: r.auditLogs.accountId }),
  },
  users: {
    memberships: r.many.memberships({ from: r.users.id, to: r.memberships.userId }),
  },
  memberships: {
    account: r.one.accounts({ from: r.memberships.accountId, to: r.accounts.id, optional: false }),
    user: r.one.users({ from: r.memberships.userId, to: r.users.id, optional: false }),
  },
  invitations: {
    account: r.one.accounts({ from: r.invitations.accountId, to: r.accounts.id, optional: false }),
    invitedBy: r.one.users({ from: r.invitations.createdBy, to: r.users.id }),
  },
  apiKeys: {
    account: r.one.accounts({ from: r.apiKeys.accountId, to: r.accounts.id, optional: false }),
    createdByUser: r.one.users({ from: r.apiKeys.createdBy, to: r.users.id }),
  },
  auditLogs: {
    account: r.one.accounts({ from: r.auditLogs.accountId, to: r.accounts.id, optional: false }),
    actorUser: r.one.users({ from: r.auditLogs.actorUserId, to: r.users.id }),
    actorApiKey: r.one.apiKeys({
      from: [r.auditLogs.accountId, r.auditLogs.actorApiKeyId],
      to: [r.apiKeys.accountId, r.apiKeys.id],
    }),
  },
}));

export type Relations = typeof relations;
