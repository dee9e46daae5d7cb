// The filters of root connections, as SQL over a given (possibly aliased) table: the same condition
// selects a connection's rows (drizzle `where: { RAW }`) and counts its totalCount.
import type { schema } from "@markettina/db";
import { and, eq, gte, ilike, isNull, lt, type SQL } from "drizzle-orm";

type AccountsTable = typeof schema.accounts;
type InvitationsTable = typeof schema.invitations;
type AuditLogsTable = typeof schema.auditLogs;

export function subAccountsFilter(a: AccountsTable, agencyId: string, search?: string | null): SQL {
  // The account condition is always there, so and() always returns SQL.
  return and(
    eq(a.parentAccountId, agencyId),
    isNull(a.deletedAt),
    search ? ilike(a.name, `%${search}%`) : undefined,
  )!;
}

export function invitationsFilter(
  i: InvitationsTable,
  accountId: string,
  status?: InvitationsTable["$inferSelect"]["status"] | null,
): SQL {
  return and(eq(i.accountId, accountId), status ? eq(i.status, status) : undefined)!;
}

export interface AuditLogFilterInput {
  actorUserId?: { id: string } | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function auditLogFilter(a: AuditLogsTable, accountId: string, f?: AuditLogFilterInput | null): SQL {
  return and(
    eq(a.accountId, accountId),
    f?.actorUserId ? eq(a.actorUserId, f.actorUserId.id) : undefined,
    f?.action ? eq(a.action, f.action) : undefined,
    f?.entityType ? eq(a.entityType, f.entityType) : undefined,
    f?.entityId ? eq(a.entityId, f.entityId) : undefined,
    f?.from ? gte(a.createdAt, f.from) : undefined,
    f?.to ? lt(a.createdAt, f.to) : undefined,
  )!;
}
