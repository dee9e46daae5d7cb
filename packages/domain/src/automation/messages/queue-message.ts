// A message on its way to message_queue, and the sender's dispatcher's look-up. Messages are
// queued by journey steps with the rest of the step's rows (executor/write-back.ts), keyed by
// their producer (journey-step:<execution>:<seq>, unique per account): a producer that runs twice
// finds its message already queued (ON CONFLICT DO NOTHING) and queues nothing more.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { MessageChannel } from "./message-provider.ts";

export interface QueuedMessage {
  accountId: string;
  contactId: string;
  channel: MessageChannel;
  provider: string;
  idempotencyKey: string;
  journeyId?: string | null;
  executionId?: string | null;
  nodeId?: string | null;
  campaignId?: string | null;
  purpose?: "marketing" | "transactional";
  payload: Record<string, unknown>;
  scheduledAt: Date;
}

/** How long a send job may take to reach a sender before its messages are handed out again. */
export const MESSAGE_DISPATCH_LEASE_SECONDS = 300;

/**
 * Takes due messages of every tenant (or of `accountId`) for the sender's dispatcher: queued and
 * past their time with no job on its way, or claimed by a sender longer ago than the claim lease.
 * Each is stamped as dispatched (app.take_due_messages), so run it in the transaction that sends
 * the jobs naming them: both commit, or neither does. Ids only.
 */
export async function takeDueMessages(
  db: Executor,
  o: { now: Date; limit: number; leaseSeconds: number; dispatchLeaseSeconds?: number; accountId?: string },
): Promise<{ accountId: string; messageId: string }[]> {
  const rows = await db.execute<{ account_id: string; message_id: string }>(
    sql`select account_id, message_id from app.take_due_messages(${o.now}::timestamptz, ${o.limit}::int,
          ${o.leaseSeconds}::int, ${o.dispatchLeaseSeconds ?? MESSAGE_DISPATCH_LEASE_SECONDS}::int, ${o.accountId ?? null}::uuid)`,
  );
  return rows.map((r) => ({ accountId: r.account_id, messageId: r.message_id }));
}
