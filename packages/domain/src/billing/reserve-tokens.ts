// The first half of every metered service: hold the tokens the work may cost before doing it.
// One call to app.reserve_tokens (drizzle/…_billing_spend_functions): price with the agency's
// markup, a conditional hold on the wallet (available = balance − reserved must cover it, so N
// parallel reservations against a balance that covers K succeed exactly K times), the
// reservation, its audit entry and event — one statement, one round trip.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput, uniqueViolation } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { IdempotencyKey, ServiceCode } from "./inputs.ts";

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

interface ReservationJson {
  id: string;
  wallet_id: string;
  service_code: string;
  units: number;
  amount: number;
  status: Reservation["status"];
  expires_at: string;
}

type Outcome =
  | { outcome: "reserved" | "replayed"; reservation: ReservationJson }
  | { outcome: "key_reused" | "unknown_service" }
  | { outcome: "insufficient"; amount: number };

export async function reserveTokens(ctx: OperationContext, raw: ReserveTokensInput): Promise<Reservation> {
  authorize(ctx, "wallet:spend");
  const input = parseInput(ReserveTokensInput, raw);
  let result: Outcome;
  try {
    const [row] = await ctx.tx.execute<{ r: Outcome }>(sql`
      select app.reserve_tokens(${ctx.accountId}, ${input.serviceCode}, ${input.units},
        ${input.reference ?? null}, ${input.idempotencyKey ?? null}, ${input.ttlSeconds},
        ${ctx.actor.ip}, ${ctx.actor.userAgent}) as r`);
    result = row!.r;
  } catch (error) {
    // A concurrent call with the same key won the race: a retry gets its hold.
    if (uniqueViolation(error) === "token_reservations_wallet_idempotency_key") {
      return fail(
        "CONFLICT",
        "A reservation with this idempotency key is being made; retry.",
        "idempotencyKey",
      );
    }
    throw error;
  }
  switch (result.outcome) {
    case "reserved":
    case "replayed": {
      const r = result.reservation;
      return {
        id: r.id,
        walletId: r.wallet_id,
        serviceCode: r.service_code,
        units: Number(r.units),
        amount: Number(r.amount),
        status: r.status,
        expiresAt: new Date(r.expires_at),
      };
    }
    case "key_reused":
      return fail(
        "IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was used for another reservation.",
        "idempotencyKey",
      );
    case "unknown_service":
      return fail("NOT_FOUND", `No active service "${input.serviceCode}".`, "serviceCode");
    case "insufficient":
      return fail(
        "INSUFFICIENT_TOKENS",
        `Not enough tokens available: this needs ${result.amount}.`,
        "units",
      );
  }
}
