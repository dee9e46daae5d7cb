// reserve_tokens / settle_tokens / release_tokens: a workflow's metered work, through the billing
// operations (app.reserve_tokens and friends). They run in the step's finishing transaction, so a
// hold, a charge or a release commits exactly when the step completes; the reservation's
// idempotency key `workflow:<instance>:<step>` makes a repeated reserve answer the same hold.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, inArray } from "drizzle-orm";
import { releaseReservation } from "../../billing/release-reservation.ts";
import { type Reservation, reserveTokens } from "../../billing/reserve-tokens.ts";
import { settleReservation } from "../../billing/settle-reservation.ts";
import type { OperationContext } from "../../context.ts";
import type { StepRun } from "../engine/engine-ports.ts";
import type { StepHandler } from "./step-handler.ts";
import { attempt, completed, effectKey, failed, parametersOf } from "./step-outcomes.ts";

/** A workflow may hold tokens across waits and approvals that last days: hold them as long as
 * billing allows. A hold is settled or released by the workflow (release_tokens is the
 * compensation of reserve_tokens); its expiry only covers a workflow that never finishes. */
const HOLD_SECONDS = 7 * 86_400;

const WALLET = { scopes: ["wallet:write"] };
/** A reservation may pass later: the wallet topped up, or the concurrent call with its key done. */
const RESERVE = { ...WALLET, transient: ["INSUFFICIENT_TOKENS", "CONFLICT"] as const };

export interface ReservationOutput {
  reservationId: string;
  service: string;
  units: number;
  amount: number;
  expiresAt: string;
}

export const reserveTokensStep: StepHandler = {
  mode: "transaction",
  async run(ctx, run) {
    const parsed = parametersOf("reserve_tokens", run);
    if (!parsed.ok) return parsed.outcome;
    const { service, amount } = parsed.parameters;
    return attempt(ctx, RESERVE, async (wallet) => {
      const reserve = (idempotencyKey: string) =>
        reserveTokens(wallet, {
          serviceCode: service,
          units: amount,
          reference: effectKey(run),
          idempotencyKey,
          ttlSeconds: HOLD_SECONDS,
        });
      let reservation: Reservation = await reserve(effectKey(run));
      // The key answers the step's earlier hold, which a compensation released (the workflow is
      // retried from here) or a settle closed: this run holds anew. A fresh key is safe: this
      // runs in the finishing transaction, so at most one such hold commits with the step.
      if (reservation.status !== "held") reservation = await reserve(`${effectKey(run)}:${uuidv7()}`);
      const output: ReservationOutput = {
        reservationId: reservation.id,
        service: reservation.serviceCode,
        units: reservation.units,
        amount: reservation.amount,
        expiresAt: reservation.expiresAt.toISOString(),
      };
      return completed(output);
    });
  },
};

/**
 * The reservation a reserve_tokens step made: its output in the scope, else its row's result. The
 * row covers a compensation (release_tokens undoing its own reserve_tokens step), which runs while
 * that step is `compensating` and so no longer among the completed steps of the scope.
 */
async function reservationOf(
  ctx: OperationContext,
  run: StepRun,
  stepId: string,
): Promise<{ reservationId: string; units: number } | null> {
  let output = run.scope.steps[stepId] as Partial<ReservationOutput> | null | undefined;
  if (!output) {
    const s = schema.workflowSteps;
    const [row] = await ctx.tx
      .select({ result: s.result })
      .from(s)
      .where(
        and(
          eq(s.accountId, ctx.accountId),
          eq(s.instanceId, run.instanceId),
          eq(s.stepId, stepId),
          inArray(s.status, ["completed", "compensating", "compensated"]),
        ),
      );
    output = row?.result as Partial<ReservationOutput> | null | undefined;
  }
  if (!output || typeof output.reservationId !== "string") return null;
  return { reservationId: output.reservationId, units: Number(output.units ?? 0) };
}

const noReservation = (stepId: string) =>
  failed(
    `Step ${stepId} has made no reservation (it has not completed, or is not a reserve_tokens step).`,
    "NO_RESERVATION",
  );

export const settleTokensStep: StepHandler = {
  mode: "transaction",
  async run(ctx, run) {
    const parsed = parametersOf("settle_tokens", run);
    if (!parsed.ok) return parsed.outcome;
    const { reservationStep, amount } = parsed.parameters;
    const reservation = await reservationOf(ctx, run, reservationStep);
    if (!reservation) return noReservation(reservationStep);
    // Settling twice with the same units is a replay in billing: a repeated step charges once.
    return attempt(ctx, WALLET, async (wallet) => {
      const settlement = await settleReservation(wallet, {
        reservationId: reservation.reservationId,
        actualUnits: amount ?? reservation.units,
      });
      return completed({
        reservationId: settlement.reservationId,
        settledUnits: settlement.settledUnits,
        settledAmount: settlement.settledAmount,
      });
    });
  },
};

export const releaseTokensStep: StepHandler = {
  mode: "transaction",
  async run(ctx, run) {
    const parsed = parametersOf("release_tokens", run);
    if (!parsed.ok) return parsed.outcome;
    const { reservationStep } = parsed.parameters;
    const reservation = await reservationOf(ctx, run, reservationStep);
    if (!reservation) return noReservation(reservationStep);
    // Releasing twice is a replay in billing (the tokens are already back).
    return attempt(ctx, WALLET, async (wallet) =>
      completed(await releaseReservation(wallet, { reservationId: reservation.reservationId })),
    );
  },
};
