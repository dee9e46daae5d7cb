// The second half of a metered service: charge what the work actually used (≤ what was held) and
// release the rest, in one transaction. For a sub-account whose agency marks prices up, the agency
// is credited its markup in the same transaction as the debit (rebilling).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { postEntry } from "./ledger.ts";

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

interface SettledRow extends Record<string, unknown> {
  id: string;
  account_id: string;
  wallet_id: string;
  service_code: string;
  settled_units: string;
  settled_amount: string;
  markup_amount: string;
}

export async function settleReservation(
  ctx: OperationContext,
  raw: SettleReservationInput,
): Promise<Settlement> {
  authorize(ctx, "wallet:spend");
  const input = parseInput(SettleReservationInput, raw);
  const u = input.actualUnits;
  // Closing the reservation and releasing its hold in one statement; `status = 'held'` under the
  // row lock makes a second settle (or a settle racing a release) find nothing to close.
  const [settled] = await ctx.tx.execute<SettledRow>(sql`
    with r as (
      update token_reservations r
         set status = 'settled', settled_units = ${u},
             markup_amount = (${u} * r.base_tokens_per_unit * r.markup_bps + 9999) / 10000,
             settled_amount = ${u} * r.base_tokens_per_unit
                              + (${u} * r.base_tokens_per_unit * r.markup_bps + 9999) / 10000,
             settled_at = now()
       where r.account_id = ${ctx.accountId} and r.id = ${input.reservationId}
         and r.status = 'held' and r.units >= ${u}
      returning r.*
    ), w as (
      update token_wallets w set reserved = w.reserved - r.amount, updated_at = now()
        from r where w.id = r.wallet_id
      returning w.id
    )
    select r.id, r.account_id, r.wallet_id, r.service_code, r.settled_units, r.settled_amount, r.markup_amount
      from r join w on w.id = r.wallet_id`);
  if (!settled) return explainUnsettled(ctx, input);

  const amount = Number(settled.settled_amount);
  const markup = Number(settled.markup_amount);
  let entryId: string | null = null;
  if (amount > 0) {
    const entry = await postEntry(
      ctx,
      { id: settled.wallet_id, accountId: settled.account_id },
      {
        type: "debit",
        amount: -amount,
        serviceCode: settled.service_code,
        units: u,
        description: markup > 0 ? `${settled.service_code} (incl. ${markup} markup)` : settled.service_code,
        referenceType: "reservation",
        referenceId: settled.id,
        idempotencyKey: `settle:${settled.id}`,
      },
    );
    entryId = entry.id;
    if (markup > 0) {
      await ctx.tx.execute(
        sql`select app.credit_agency_markup(${ctx.accountId}, ${markup}, ${settled.service_code}, ${u}, ${settled.id})`,
      );
    }
  }
  await recordChange(ctx, {
    action: "tokens.settled",
    entityType: "token_reservation",
    entityId: settled.id,
    payload: { serviceCode: settled.service_code, units: u, amount, markup },
  });
  return { reservationId: settled.id, settledUnits: u, settledAmount: amount, markupAmount: markup, entryId };
}

/** Nothing was settled: a replay of the same settlement answers as the first did; else say why. */
async function explainUnsettled(ctx: OperationContext, input: z.output<typeof SettleReservationInput>) {
  const [r] = await ctx.tx.execute<{
    id: string;
    status: string;
    units: string;
    settled_units: string | null;
    settled_amount: string | null;
    markup_amount: string | null;
  }>(sql`
    select id, status, units, settled_units, settled_amount, markup_amount from token_reservations
     where account_id = ${ctx.accountId} and id = ${input.reservationId}`);
  if (!r) return fail("NOT_FOUND", "Reservation not found.", "reservationId");
  if (r.status === "settled" && Number(r.settled_units) === input.actualUnits) {
    const [entry] = await ctx.tx.execute<{ id: string }>(sql`
      select t.id from token_transactions t where t.account_id = ${ctx.accountId}
         and t.idempotency_key = ${`settle:${r.id}`}`);
    return {
      reservationId: r.id,
      settledUnits: input.actualUnits,
      settledAmount: Number(r.settled_amount),
      markupAmount: Number(r.markup_amount),
      entryId: entry?.id ?? null,
    } satisfies Settlement;
  }
  if (r.status !== "held")
    return fail("CONFLICT", `The reservation is already ${r.status}.`, "reservationId");
  return fail("INVALID", `Settle at most the ${r.units} units reserved.`, "actualUnits");
}
