// The work failed or was cancelled: give the held tokens back, charging nothing.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";

export const ReleaseReservationInput = z.object({ reservationId: z.uuid() });
export type ReleaseReservationInput = z.input<typeof ReleaseReservationInput>;

export async function releaseReservation(
  ctx: OperationContext,
  raw: ReleaseReservationInput,
): Promise<{ reservationId: string; releasedAmount: number }> {
  authorize(ctx, "wallet:spend");
  const input = parseInput(ReleaseReservationInput, raw);
  const [released] = await ctx.tx.execute<{ id: string; amount: string }>(sql`
    with r as (
      update token_reservations r set status = 'released', released_at = now()
       where r.account_id = ${ctx.accountId} and r.id = ${input.reservationId} and r.status = 'held'
      returning r.id, r.wallet_id, r.amount
    ), w as (
      update token_wallets w set reserved = w.reserved - r.amount, updated_at = now()
        from r where w.id = r.wallet_id
      returning w.id
    )
    select r.id, r.amount from r join w on w.id = r.wallet_id`);
  if (released) {
    await recordChange(ctx, {
      action: "tokens.released",
      entityType: "token_reservation",
      entityId: released.id,
      payload: { amount: Number(released.amount) },
    });
    return { reservationId: released.id, releasedAmount: Number(released.amount) };
  }
  const [r] = await ctx.tx.execute<{ status: string; amount: string }>(sql`
    select status, amount from token_reservations
     where account_id = ${ctx.accountId} and id = ${input.reservationId}`);
  if (!r) return fail("NOT_FOUND", "Reservation not found.", "reservationId");
  // Releasing twice is a replay: the tokens are already back.
  if (r.status === "released")
    return { reservationId: input.reservationId, releasedAmount: Number(r.amount) };
  return fail("CONFLICT", "The reservation is already settled.", "reservationId");
}
