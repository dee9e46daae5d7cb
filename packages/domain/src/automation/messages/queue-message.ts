// Puts one message in message_queue for the sender. Keyed by its producer (a journey step:
// journey-step:<execution>:<seq>), unique per account: a producer that runs twice finds its message
// already queued (ON CONFLICT DO NOTHING) and queues nothing more.
import { type Executor, schema, type Transaction, uuidv7 } from "@markettina/db";
import { and, eq, inArray, sql } from "drizzle-orm";
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

/** The message's id, and whether this call queued it (false: it was queued before). */
export async function queueMessage(
  tx: Transaction,
  m: QueuedMessage,
): Promise<{ id: string; created: boolean }> {
  const q = schema.messageQueue;
  const id = uuidv7();
  const inserted = await tx
    .insert(q)
    .values({
      id,
      accountId: m.accountId,
      contactId: m.contactId,
      channel: m.channel,
      provider: m.provider,
      purpose: m.purpose ?? "marketing",
      idempotencyKey: m.idempotencyKey,
      journeyId: m.journeyId ?? null,
      executionId: m.executionId ?? null,
      nodeId: m.nodeId ?? null,
      campaignId: m.campaignId ?? null,
      payload: m.payload,
      scheduledAt: m.scheduledAt,
      createdAt: m.scheduledAt,
      updatedAt: m.scheduledAt,
    })
    .onConflictDoNothing({ target: [q.accountId, q.idempotencyKey] })
    .returning({ id: q.id });
  if (inserted.length > 0) return { id, created: true };
  const [existing] = await tx
    .select({ id: q.id })
    .from(q)
    .where(and(eq(q.accountId, m.accountId), eq(q.idempotencyKey, m.idempotencyKey)));
  return { id: existing!.id, created: false };
}

/**
 * Queues several messages in one statement (ids chosen by the caller). Answers the id each
 * idempotency key has now: the caller's for those this call queued, the earlier message's for keys
 * queued before (ON CONFLICT DO NOTHING, then one look-up for those).
 */
export async function queueMessages(
  tx: Transaction,
  messages: readonly (QueuedMessage & { id: string })[],
): Promise<Map<string, { id: string; created: boolean }>> {
  const result = new Map<string, { id: string; created: boolean }>();
  if (messages.length === 0) return result;
  const q = schema.messageQueue;
  const inserted = await tx
    .insert(q)
    .values(
      messages.map((m) => ({
        id: m.id,
        accountId: m.accountId,
        contactId: m.contactId,
        channel: m.channel,
        provider: m.provider,
        purpose: m.purpose ?? "marketing",
        idempotencyKey: m.idempotencyKey,
        journeyId: m.journeyId ?? null,
        executionId: m.executionId ?? null,
        nodeId: m.nodeId ?? null,
        campaignId: m.campaignId ?? null,
        payload: m.payload,
        scheduledAt: m.scheduledAt,
        createdAt: m.scheduledAt,
        updatedAt: m.scheduledAt,
      })),
    )
    .onConflictDoNothing({ target: [q.accountId, q.idempotencyKey] })
    .returning({ id: q.id, key: q.idempotencyKey });
  for (const row of inserted) result.set(row.key, { id: row.id, created: true });
  const missing = messages.filter((m) => !result.has(m.idempotencyKey));
  if (missing.length > 0) {
    const existing = await tx
      .select({ id: q.id, key: q.idempotencyKey })
      .from(q)
      .where(
        and(
          eq(q.accountId, missing[0]!.accountId),
          inArray(
            q.idempotencyKey,
            missing.map((m) => m.idempotencyKey),
          ),
        ),
      );
    for (const row of existing) result.set(row.key, { id: row.id, created: false });
  }
  return result;
}

/** Due messages of every tenant (ids only), for the sender's dispatcher. */
export async function dueMessages(
  db: Executor,
  o: { now: Date; limit: number; leaseSeconds: number },
): Promise<{ accountId: string; messageId: string }[]> {
  const rows = await db.execute<{ account_id: string; message_id: string }>(
    sql`select account_id, message_id from app.due_messages(${o.now}::timestamptz, ${o.limit}::int, ${o.leaseSeconds}::int)`,
  );
  return rows.map((r) => ({ accountId: r.account_id, messageId: r.message_id }));
}
