// Payloads of the wallet mutations: the rows an operation touched, loaded by the drizzle plugin's
// planned query (so nested fields cost no extra round trips), plus userErrors.
import { schema } from "@markettina/db";
import type { setSubAccountMarkup, updateWalletSettings } from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { type MutationResult, UserErrorRef } from "../platform/user-errors.ts";
import { ServiceMarkupRef, TokenReservationRef, TokenTransactionRef, WalletRef } from "./wallet-types.ts";

type Ids<K extends string> = MutationResult<{ [P in K]: string }>;
type FindFirstArg<K extends "tokenTransactions" | "tokenReservations"> = Parameters<
  GraphQLContext["tx"]["query"][K]["findFirst"]
>[0];
type PlanQuery<K extends "tokenTransactions" | "tokenReservations"> = (selection: {
  where: { id: string };
}) => FindFirstArg<K>;

/** A payload field's resolver: the ledger entry whose id the payload names, with the planned selection. */
export const transactionOf =
  <P>(idOf: (p: P) => string | null) =>
  (query: PlanQuery<"tokenTransactions">, p: P, _args: unknown, ctx: GraphQLContext) => {
    const id = idOf(p);
    return id
      ? ctx.tx.query.tokenTransactions.findFirst(query({ where: { id } })).then((r) => r ?? null)
      : null;
  };

/** The same for the reservation a payload names. */
const reservationOf =
  <P>(idOf: (p: P) => string | null) =>
  (query: PlanQuery<"tokenReservations">, p: P, _args: unknown, ctx: GraphQLContext) => {
    const id = idOf(p);
    return id
      ? ctx.tx.query.tokenReservations.findFirst(query({ where: { id } })).then((r) => r ?? null)
      : null;
  };

const ReservationPayload = (name: string) =>
  builder.objectRef<Ids<"reservationId">>(name).implement({
    fields: (t) => ({
      reservation: t.drizzleField({
        type: TokenReservationRef,
        nullable: true,
        resolve: reservationOf((p) => p.reservationId),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

export const ReserveTokensPayload = ReservationPayload("ReserveTokensPayload");
export const ReleaseReservationPayload = ReservationPayload("ReleaseReservationPayload");

export const SettleReservationPayload = builder
  .objectRef<MutationResult<{ reservationId: string; entryId: string | null }>>("SettleReservationPayload")
  .implement({
    fields: (t) => ({
      reservation: t.drizzleField({
        type: TokenReservationRef,
        nullable: true,
        resolve: reservationOf((p) => p.reservationId),
      }),
      transaction: t.drizzleField({
        type: TokenTransactionRef,
        nullable: true,
        description: "The debit (null when nothing was used).",
        resolve: transactionOf((p) => p.entryId),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

export const TransferTokensPayload = builder
  .objectRef<MutationResult<{ outgoingEntryId: string; incomingEntryId: string }>>("TransferTokensPayload")
  .implement({
    fields: (t) => ({
      outgoing: t.drizzleField({
        type: TokenTransactionRef,
        nullable: true,
        description: "The transfer_out entry in the agency's ledger.",
        resolve: transactionOf((p) => p.outgoingEntryId),
      }),
      incoming: t.drizzleField({
        type: TokenTransactionRef,
        nullable: true,
        description: "The transfer_in entry in the sub-account's ledger.",
        resolve: transactionOf((p) => p.incomingEntryId),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

interface Adjustment {
  id: string;
  amount: number;
  balanceAfter: number;
  description: string;
  createdAt: Date;
}

// The adjusted account is not the admin's current account (there may be none), so the payload is
// a plain view of the entry rather than the TokenTransaction node with its account-scoped rules.
const AdjustmentRef = builder.objectRef<Adjustment>("WalletAdjustment").implement({
  fields: (t) => ({
    id: t.id({ resolve: (a) => encodeGlobalID("TokenTransaction", a.id) }),
    amount: t.expose("amount", { type: "SafeInt" }),
    balanceAfter: t.expose("balanceAfter", { type: "SafeInt" }),
    description: t.exposeString("description"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const AdjustWalletPayload = builder
  .objectRef<MutationResult<{ entryId: string }>>("AdjustWalletPayload")
  .implement({
    fields: (t) => ({
      adjustment: t.field({
        type: AdjustmentRef,
        nullable: true,
        resolve: async (p, _args, ctx) => {
          if (!p.entryId) return null;
          const x = schema.tokenTransactions;
          const [row] = await ctx.tx
            .select({
              id: x.id,
              amount: x.amount,
              balanceAfter: x.balanceAfter,
              description: x.description,
              createdAt: x.createdAt,
            })
            .from(x)
            .where(eq(x.id, p.entryId));
          return row ?? null;
        },
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type WalletRow = Awaited<ReturnType<typeof updateWalletSettings>>;
export const UpdateWalletSettingsPayload = builder
  .objectRef<MutationResult<{ wallet: WalletRow }>>("UpdateWalletSettingsPayload")
  .implement({
    fields: (t) => ({
      wallet: t.field({ type: WalletRef, nullable: true, resolve: (p) => p.wallet }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type MarkupRow = Awaited<ReturnType<typeof setSubAccountMarkup>>;
export const SetSubAccountMarkupPayload = builder
  .objectRef<MutationResult<{ markup: MarkupRow }>>("SetSubAccountMarkupPayload")
  .implement({
    fields: (t) => ({
      markup: t.field({ type: ServiceMarkupRef, nullable: true, resolve: (p) => p.markup }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });
