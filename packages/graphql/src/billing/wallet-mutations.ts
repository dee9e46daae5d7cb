// Wallet mutations: metered spending (reserve → settle | release), agency transfers and markups,
// wallet settings, and platform-admin adjustments. Each parses its input, calls one domain
// operation and answers with the rows it touched, loaded by the drizzle plugin's planned query.

import {
  adjustWallet,
  fail,
  releaseReservation,
  reserveTokens,
  setSubAccountMarkup,
  settleReservation,
  transferTokens,
  updateWalletSettings,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { AccountRef } from "../identity/types.ts";
import { runPlatformMutation } from "../platform/platform-admin.ts";
import { runMutation } from "../platform/user-errors.ts";
import {
  AdjustWalletPayload,
  ReleaseReservationPayload,
  ReserveTokensPayload,
  SetSubAccountMarkupPayload,
  SettleReservationPayload,
  TransferTokensPayload,
  UpdateWalletSettingsPayload,
} from "./wallet-payloads.ts";
import { TokenReservationRef } from "./wallet-types.ts";

const packageIdOf = (id: { typename: string; id: string } | null | undefined): string | null => {
  if (!id) return null;
  if (id.typename !== "TokenPackage") fail("INVALID", "Not a token package id.", "autoRechargePackageId");
  return id.id;
};

const idempotencyKey = (description: string) => ({ required: true as const, description });

builder.mutationFields((t) => ({
  reserveTokens: t.fieldWithInput({
    type: ReserveTokensPayload,
    description:
      "Holds the tokens `units` of a service will cost before the work starts. Settle with the units " +
      "actually used, or release if the work failed; an unsettled hold is released when it expires.",
    authScopes: { authenticated: true },
    input: {
      serviceCode: t.input.string({ required: true }),
      units: t.input.int({ required: true }),
      reference: t.input.string({ description: "Your job's id, for the ledger." }),
      idempotencyKey: t.input.string({ description: "Retrying with the same key returns the first hold." }),
      ttlSeconds: t.input.int({ description: "How long the hold lasts (10 s – 7 days; default 1 hour)." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          reservationId: (
            await reserveTokens(op, {
              serviceCode: input.serviceCode,
              units: input.units,
              reference: input.reference ?? undefined,
              idempotencyKey: input.idempotencyKey ?? undefined,
              ttlSeconds: input.ttlSeconds ?? undefined,
            })
          ).id,
        }),
        { reservationId: null },
      ),
  }),

  settleReservation: t.fieldWithInput({
    type: SettleReservationPayload,
    description: "Charges the units actually used (at most those reserved) and releases the rest.",
    authScopes: { authenticated: true },
    input: {
      reservationId: t.input.globalID({ required: true, for: TokenReservationRef }),
      actualUnits: t.input.int({ required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const s = await settleReservation(op, {
            reservationId: input.reservationId.id,
            actualUnits: input.actualUnits,
          });
          return { reservationId: s.reservationId, entryId: s.entryId };
        },
        { reservationId: null, entryId: null },
      ),
  }),

  releaseReservation: t.fieldWithInput({
    type: ReleaseReservationPayload,
    description: "Gives a hold back without charging (the work failed or was cancelled).",
    authScopes: { authenticated: true },
    input: { reservationId: t.input.globalID({ required: true, for: TokenReservationRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          reservationId: (await releaseReservation(op, { reservationId: input.reservationId.id }))
            .reservationId,
        }),
        { reservationId: null },
      ),
  }),

  transferTokens: t.fieldWithInput({
    type: TransferTokensPayload,
    description: "Moves tokens from this agency's wallet to one of its own sub-accounts.",
    authScopes: { authenticated: true },
    input: {
      toAccountId: t.input.globalID({ required: true, for: AccountRef }),
      amount: t.input.field({ type: "SafeInt", required: true }),
      note: t.input.string(),
      idempotencyKey: t.input.string(
        idempotencyKey("A replay with the same key returns the first transfer."),
      ),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const transfer = await transferTokens(op, {
            toAccountId: input.toAccountId.id,
            amount: input.amount,
            note: input.note ?? undefined,
            idempotencyKey: input.idempotencyKey,
          });
          return { outgoingEntryId: transfer.outgoingEntryId, incomingEntryId: transfer.incomingEntryId };
        },
        { outgoingEntryId: null, incomingEntryId: null },
      ),
  }),

  updateWalletSettings: t.fieldWithInput({
    type: UpdateWalletSettingsPayload,
    description: "Low-balance threshold and auto-recharge. Send the wallet's version you read.",
    authScopes: { authenticated: true },
    input: {
      version: t.input.int({ required: true }),
      lowBalanceThreshold: t.input.field({ type: "SafeInt" }),
      autoRechargeEnabled: t.input.boolean({ required: true }),
      autoRechargePackageId: t.input.globalID({ description: "A TokenPackage id." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          wallet: await updateWalletSettings(op, {
            version: input.version,
            lowBalanceThreshold: input.lowBalanceThreshold ?? null,
            autoRechargeEnabled: input.autoRechargeEnabled,
            autoRechargePackageId: packageIdOf(input.autoRechargePackageId),
          }),
        }),
        { wallet: null },
      ),
  }),

  setSubAccountMarkup: t.fieldWithInput({
    type: SetSubAccountMarkupPayload,
    description: "Sets what a sub-account pays on top of the base price; the difference goes to the agency.",
    authScopes: { authenticated: true },
    input: {
      subAccountId: t.input.globalID({ required: true, for: AccountRef }),
      serviceCode: t.input.string({ description: "Omit for every service." }),
      markupBps: t.input.int({ required: true, description: "Basis points: 2000 = +20 %." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          markup: await setSubAccountMarkup(op, {
            subAccountId: input.subAccountId.id,
            serviceCode: input.serviceCode ?? null,
            markupBps: input.markupBps,
          }),
        }),
        { markup: null },
      ),
  }),

  adjustWallet: t.fieldWithInput({
    type: AdjustWalletPayload,
    description: "Platform admins: a signed correction of an account's wallet, with the reason.",
    authScopes: { authenticated: true },
    input: {
      accountId: t.input.globalID({ required: true, for: AccountRef }),
      amount: t.input.field({ type: "SafeInt", required: true }),
      reason: t.input.string({ required: true }),
      idempotencyKey: t.input.string(
        idempotencyKey("A replay with the same key returns the first adjustment."),
      ),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        (platform) =>
          adjustWallet(platform, {
            accountId: input.accountId.id,
            amount: input.amount,
            reason: input.reason,
            idempotencyKey: input.idempotencyKey,
          }),
        { entryId: null },
      ),
  }),
}));
