// Changes to installation-wide data (catalogs) leave an entry in platform_audit_logs: they belong
// to no tenant, so they cannot go to a tenant's audit_logs. Secrets redacted as there.
import { schema } from "@markettina/db";
import type { PlatformContext } from "../context.ts";
import { redact } from "./redact.ts";

export interface PlatformChange {
  /** e.g. "token_package.updated". */
  action: string;
  entityType: string;
  /** A uuid; omitted when the entity has none (the database itself, for the health actions). */
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

export async function recordPlatformChange(platform: PlatformContext, change: PlatformChange): Promise<void> {
  await platform.tx.insert(schema.platformAuditLogs).values({
    actorUserId: platform.actor.userId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId ?? null,
    before: change.before === undefined ? null : redact(change.before),
    after: change.after === undefined ? null : redact(change.after),
    ip: platform.actor.ip,
    userAgent: platform.actor.userAgent,
    requestId: platform.actor.requestId,
  });
}
