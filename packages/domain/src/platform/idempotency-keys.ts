// Idempotency keys: an integrator retries a request with the same `Idempotency-Key` and gets the
// first answer again instead of a second effect. The unique (account_id, key) constraint is the
// guard: a concurrent request with the same key waits on it until the first commits (and then
// replays its answer) or rolls back (and then proceeds as the first).
import { type Executor, schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";

export const IDEMPOTENCY_TTL_HOURS = 24;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { state: "new"; id: string }
  | { state: "replay"; response: StoredResponse }
  | { state: "mismatch" };

export interface IdempotencyRequest {
  accountId: string;
  key: string;
  operation: string;
  /** A hash of the request: the same key with a different request is refused. */
  fingerprint: string;
}

export async function claimIdempotencyKey(
  tx: Executor,
  request: IdempotencyRequest,
): Promise<IdempotencyClaim> {
  const k = schema.idempotencyKeys;
  const expiresAt = new Date(Date.now() + IDEMPOTENCY_TTL_HOURS * 3_600_000);
  const [claimed] = await tx
    .insert(k)
    .values({
      accountId: request.accountId,
      key: request.key,
      operation: request.operation,
      requestFingerprint: request.fingerprint,
      expiresAt,
    })
    .onConflictDoNothing({ target: [k.accountId, k.key] })
    .returning({ id: k.id });
  if (claimed) return { state: "new", id: claimed.id };

  const [existing] = await tx
    .select()
    .from(k)
    .where(and(eq(k.accountId, request.accountId), eq(k.key, request.key)));
  if (!existing || existing.expiresAt.getTime() <= Date.now() || existing.response === null) {
    // Expired and not yet purged (or purged in between): the key is free again.
    const [renewed] = await tx
      .insert(k)
      .values({
        accountId: request.accountId,
        key: request.key,
        operation: request.operation,
        requestFingerprint: request.fingerprint,
        expiresAt,
      })
      .onConflictDoUpdate({
        target: [k.accountId, k.key],
        set: {
          operation: request.operation,
          requestFingerprint: request.fingerprint,
          response: null,
          expiresAt,
        },
      })
      .returning({ id: k.id });
    return { state: "new", id: renewed!.id };
  }
  if (existing.requestFingerprint !== request.fingerprint) return { state: "mismatch" };
  return { state: "replay", response: existing.response as StoredResponse };
}

export async function recordIdempotentResponse(
  tx: Executor,
  id: string,
  response: StoredResponse,
): Promise<void> {
  await tx.update(schema.idempotencyKeys).set({ response }).where(eq(schema.idempotencyKeys.id, id));
}
