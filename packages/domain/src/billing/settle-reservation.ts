// The second half of a metered service: charge what the work actually used (≤ what was held) and
// release the rest, in one call to app.settle_reservation (drizzle/…_billing_spend_functions).
// For a sub-account whose agency marks prices up, the agency is credited its markup in the same
// transaction as the debit (rebilling). Settling twice with the same units is a replay.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";

export const SettleReservationInput = z.object({
  reservationId: z.uuid(),
  actualUnits: z.number().int("Units are whole numbers.").min(0, "Units cannot be negative."),
});
export type SettleReservationInput = z.input<typeof SettleReservationInput>;

export interface Settlement {
  reservationId: string;
  settledUnits: number;
  settledAmount: number;
  markupAmount: number;
  /** The debit in this account's ledger (null when nothing was used). */
  entryId: string | null;
}

type Outcome =
  | {
      outcome: "settled" | "replayed";
      reservationId: string;
      settledAmount: number;
      markupAmount: number;
      entryId: string | null;
    }
  | { outcome: "not_found" }
  | { outcome: "closed"; status: string }
  | { outcome: "too_many_units"; units: number };

export async function settleReservation(
  ctx: OperationContext,
  raw: SettleReservationInput,
): Promise<Settlement> {
  authorize(ctx, "wallet:spend");
  const input = parseInput(SettleReservationInput, raw);
  const [row] = await ctx.tx.execute<{ r: Outcome }>(sql`
    select app.settle_reservation(${ctx.accountId}, ${input.reservationId}, ${input.actualUnits},
      ${ctx.actor.ip}, ${ctx.actor.userAgent}) as r`);
  const result = row!.r;
  switch (result.outcome) {
    case "settled":
    case "replayed":
      return {
        reservationId: result.reservationId,
        settledUnits: input.actualUnits,
        settledAmount: Number(result.settledAmount),
        markupAmount: Number(result.markupAmount),
        entryId: result.entryId,
      };
    case "not_found":
      return fail("NOT_FOUND", "Reservation not found.", "reservationId");
    case "closed":
      return fail("CONFLICT", `The reservation is already ${result.status}.`, "reservationId");
    case "too_many_units":
      return fail("INVALID", `Settle at most the ${result.units} units reserved.`, "actualUnits");
  }
}
