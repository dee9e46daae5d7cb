// The first half of every metered service: hold the tokens the work may cost before doing it.
// The hold is a conditional update (available = balance − reserved must cover it), so N parallel
// reservations against a balance that covers K of them succeed exactly K times.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput, uniqueViolation } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { IdempotencyKey, ServiceCode } from "./inputs.ts";
import { priceOf } from "./price.ts";

export const ReserveTokensInput = z.object({
  serviceCode: ServiceCode,
  units: z.number().int("Units are whole numbers.").positive("Reserve at least one unit.").max(1_000_000_000),
  reference: z.string().trim().max(200).optional(),
  idempotencyKey: IdempotencyKey.optional(),
  /** Held this long at most; an expired hold is released by a scheduled job. */
  ttlSeconds: z
    .number()
    .int()
    .min(10)
    .max(7 * 86_400)
    .default(3_600),
});
export type ReserveTokensInput = z.input<typeof ReserveTokensInput>;

export interface Reservation {
  id: string;
  walletId: string;
  serviceCode: string;
  units: number;
  amount: number;
  status: "held" | "settled" | "released";
  expiresAt: Date;
}

interface ReservationRow extends Record<string, unknown> {
  id: string;
  wallet_id: string;
  service_code: string;
  units: string | number;
  amount: string | number;
  status: Reservation["status"];
  expires_at: string | Date;
}

const toReservation = (r: ReservationRow): Reservation => ({
  id: r.id,
  walletId: r.wallet_id,
  serviceCode: r.service_code,
  units: Number(r.units),
  amount: Number(r.amount),
  status: r.status,
  expiresAt: new Date(r.expires_at),
});

export async function reserveTokens(ctx: OperationContext, raw: ReserveTokensInput): Promise<Reservation> {
  authorize(ctx, "wallet:spend");
  const input = parseInput(ReserveTokensInput, raw);
  const key = input.idempotencyKey ?? null;
  if (key) {
    const [earlier] = await ctx.tx.execute<ReservationRow>(sql`
      select r.* from token_reservations r join token_wallets w on w.id = r.wallet_id
       where w.account_id = ${ctx.accountId} and r.idempotency_key = ${key}`);
    if (earlier) {
      if (earlier.service_code !== input.serviceCode || Number(earlier.units) !== input.units) {
        fail(
          "IDEMPOTENCY_KEY_REUSED",
          "This idempotency key was used for another reservation.",
          "idempotencyKey",
        );
      }
      return toReservation(earlier);
    }
  }
  // One statement: price (base + the agency's markup), hold on the wallet, reservation row.
  let rows: ReservationRow[];
  try {
    rows = await ctx.tx.execute<ReservationRow>(sql`
      with price as (
        select p.tokens_per_unit, p.markup_bps,
               ${input.units}::bigint * p.tokens_per_unit as base
          from app.service_price(${ctx.accountId}, ${input.serviceCode}) p
      ), cost as (
        select tokens_per_unit, markup_bps, base + (base * markup_bps + 9999) / 10000 as amount from price
      ), hold as (
        update token_wallets w set reserved = w.reserved + cost.amount, updated_at = now()
          from cost
         where w.account_id = ${ctx.accountId} and w.balance - w.reserved >= cost.amount
        returning w.id as wallet_id, w.account_id
      )
      insert into token_reservations (id, account_id, wallet_id, service_code, units, base_tokens_per_unit,
                                      markup_bps, amount, reference, idempotency_key, expires_at, created_by)
      select app.uuidv7(), hold.account_id, hold.wallet_id, ${input.serviceCode}, ${input.units},
             cost.tokens_per_unit, cost.markup_bps, cost.amount, ${input.reference ?? null}, ${key},
             now() + make_interval(secs => ${input.ttlSeconds}), ${ctx.actor.userId}
        from hold, cost
      returning *`);
  } catch (error) {
    // A concurrent call with the same key won the race: the caller retries and gets its hold.
    if (uniqueViolation(error) === "token_reservations_wallet_idempotency_key") {
      fail("CONFLICT", "A reservation with this idempotency key is being made; retry.", "idempotencyKey");
    }
    throw error;
  }
  if (rows[0]) {
    const reservation = toReservation(rows[0]);
    await recordChange(ctx, {
      action: "tokens.reserved",
      entityType: "token_reservation",
      entityId: reservation.id,
      payload: { serviceCode: reservation.serviceCode, units: reservation.units, amount: reservation.amount },
    });
    return reservation;
  }
  // Nothing held: say why (only on this path, so the common case stays one statement).
  const price = await priceOf(ctx, input.serviceCode);
  if (!price) return fail("NOT_FOUND", `No active service "${input.serviceCode}".`, "serviceCode");
  return fail("INSUFFICIENT_TOKENS", "Not enough tokens available for this reservation.", "units");
}
