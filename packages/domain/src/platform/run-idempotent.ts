// Mutations that move tokens or money take an idempotency key in their input. The first call
// with a key runs and stores its (JSON) result; a replay with the same input gets that result
// back without a second effect; the same key with a different input is refused. The unique
// (account_id, key) of idempotency_keys decides between concurrent calls: the second waits on it
// until the first commits, then replays (or, if the first rolled back, runs as the first).
import { createHash } from "node:crypto";
import type { OperationContext } from "../context.ts";
import { fail } from "../errors.ts";
import { claimIdempotencyKey, recordIdempotentResponse } from "./idempotency-keys.ts";

export interface IdempotentRequest {
  /** The operation's name: the same key used for another operation is a mismatch. */
  operation: string;
  key: string;
  /** The input without the key; its canonical JSON is the request's fingerprint. */
  input: unknown;
}

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
};

export const fingerprint = (operation: string, input: unknown): string =>
  createHash("sha256")
    .update(JSON.stringify([operation, canonical(input)]))
    .digest("hex");

export async function runIdempotent<R>(
  ctx: OperationContext,
  request: IdempotentRequest,
  run: () => Promise<R>,
): Promise<R> {
  // Namespaced apart from the HTTP Idempotency-Key header, which shares the table.
  const claim = await claimIdempotencyKey(ctx.tx, {
    accountId: ctx.accountId,
    key: `input:${request.key}`,
    operation: request.operation,
    fingerprint: fingerprint(request.operation, request.input),
  });
  if (claim.state === "mismatch") {
    fail(
      "IDEMPOTENCY_KEY_REUSED",
      "This idempotency key was already used with a different request.",
      "idempotencyKey",
    );
  }
  if (claim.state === "replay") return claim.response.body as R;
  const result = await run();
  await recordIdempotentResponse(ctx.tx, (claim as { id: string }).id, { status: 200, body: result });
  return result;
}
