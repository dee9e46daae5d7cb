// The hold a generation takes before the provider writes, committed on its own (ctx.detached) so
// the wallet row is locked only for the reserve statement, not while the provider works: another
// spend of the account (a second generation) goes ahead meanwhile (ADR 9). The hold outlives the
// request's transaction: settled or released there when the request records the attempt, left to
// expire (billing.release-expired-reservations, every minute) when the request rolls back — the
// customer is never charged for work the request did not record.
import { createHash } from "node:crypto";
import { uuidv7 } from "@markettina/db";
import { sql } from "drizzle-orm";
import { type Reservation, type ReserveTokensInput, reserveTokens } from "../billing/reserve-tokens.ts";
import type { OperationContext } from "../context.ts";
import { CONTENT_GENERATION_SERVICE } from "./generation-units.ts";

/** Far past any provider timeout (AI_TIMEOUT_MS, 30 s by default): a hold nobody settled (the
 * request rolled back, the process died) gives its tokens back after this. */
export const GENERATION_HOLD_TTL_SECONDS = 15 * 60;

/** A retry reuses an earlier attempt's hold only while this much of it is left. */
const MIN_REMAINING_MS = 5 * 60_000;

/** How long the separate transaction waits for the wallet row. Other spends hold it for one short
 * statement; a longer wait means this request's own transaction holds it (it spent earlier in the
 * same GraphQL document), which the separate transaction would wait on forever. */
const LOCK_WAIT_MS = 2_000;

export async function holdGenerationTokens(
  ctx: OperationContext,
  hold: { generationKey: string; units: number; reference: string },
): Promise<Reservation> {
  // The reservation's own idempotency key, derived from the generation's (hashed: that key may be
  // 200 characters; prefixed: apart from keys the account uses with reserveTokens). A retry after a
  // rolled-back attempt (same key, the generation's claim rolled back with it) finds the hold that
  // attempt committed and reuses it instead of holding twice.
  const key = `generate_content:${createHash("sha256").update(hold.generationKey).digest("hex")}`;
  const input: ReserveTokensInput = {
    serviceCode: CONTENT_GENERATION_SERVICE,
    units: hold.units,
    reference: hold.reference,
    idempotencyKey: key,
    ttlSeconds: GENERATION_HOLD_TTL_SECONDS,
  };
  const reservation = await reserveApart(ctx, input);
  if (reservation.status === "held" && reservation.expiresAt.getTime() - Date.now() >= MIN_REMAINING_MS) {
    return reservation;
  }
  // That earlier hold expired (or is about to) or was closed: a new one, under a key of its own.
  return reserveApart(ctx, { ...input, idempotencyKey: `${key}:${uuidv7()}` });
}

/** reserveTokens in a separately committed transaction; in the request's when there is none, or
 * when the wallet row stays locked (by this very request, or by an unusually long spend): then the
 * request holds the row until it commits, as before ADR 9's change, which is still correct. */
async function reserveApart(ctx: OperationContext, input: ReserveTokensInput): Promise<Reservation> {
  if (!ctx.detached) return reserveTokens(ctx, input);
  try {
    return await ctx.detached(async (tx) => {
      await tx.execute(sql`select set_config('lock_timeout', ${String(LOCK_WAIT_MS)}, true)`);
      return reserveTokens({ ...ctx, tx }, input);
    });
  } catch (error) {
    if (!lockNotAvailable(error)) throw error;
    return reserveTokens(ctx, input);
  }
}

function lockNotAvailable(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return (cause as { code?: string })?.code === "55P03";
}
