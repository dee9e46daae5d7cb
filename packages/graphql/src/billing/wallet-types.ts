// Wallet object types: the wallet, its ledger entries, reservations and agency markups. Token
// amounts are SafeInt (bigint columns; Int is 32-bit).
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const TokenTransactionTypeEnum = builder.enumType("TokenTransactionType", {
  values: upper([
    "purchase",
    "bonus",
    "debit",
    "refund",
    "transfer_in",
    "transfer_out",
    "expiry",
    "adjustment",
    "markup",
  ] as const),
});

export const TokenReservationStatusEnum = builder.enumType("TokenReservationStatus", {
  values: upper(["held", "settled", "released"] as const),
});

export const WalletRef = builder.drizzleNode("tokenWallets", {
  name: "Wallet",
  id: { column: (w) => w.id },
  authScopes: { permission: "wallet:read" },
  select: { columns: { id: true, balance: true, reserved: true } },
  fields: (t) => ({
    balance: t.expose("balance", { type: "SafeInt", description: "Tokens in the wallet (Σ of its ledger)." }),
    reserved: t.expose("reserved", { type: "SafeInt", description: "Tokens held by work in flight." }),
    available: t.field({
      type: "SafeInt",
      description: "What can be spent now: balance − reserved.",
      resolve: (w) => w.balance - w.reserved,
    }),
    currency: t.exposeString("currency"),
    lowBalanceThreshold: t.expose("lowBalanceThreshold", { type: "SafeInt", nullable: true }),
    lowBalanceSince: t.expose("lowBalanceSince", {
      type: "DateTime",
      nullable: true,
      description: "Since when the balance is below the threshold (null: it is not).",
    }),
    autoRechargeEnabled: t.exposeBoolean("autoRechargeEnabled"),
    autoRechargePackageId: t.field({
      type: "ID",
      nullable: true,
      select: { columns: { autoRechargePackageId: true } },
      resolve: (w) =>
        w.autoRechargePackageId ? encodeGlobalID("TokenPackage", w.autoRechargePackageId) : null,
    }),
    version: t.exposeInt("version", { description: "Send it back with updateWalletSettings." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    account: t.relation("account"),
  }),
});

export const TokenTransactionRef = builder.drizzleNode("tokenTransactions", {
  name: "TokenTransaction",
  id: { column: (x) => x.id },
  authScopes: { permission: "wallet:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    seq: t.expose("seq", { type: "SafeInt", description: "1, 2, 3… within the wallet." }),
    type: t.expose("type", { type: TokenTransactionTypeEnum }),
    amount: t.expose("amount", {
      type: "SafeInt",
      description: "Signed: credits positive, debits negative.",
    }),
    balanceAfter: t.expose("balanceAfter", { type: "SafeInt" }),
    serviceCode: t.exposeString("serviceCode", { nullable: true }),
    units: t.expose("units", { type: "SafeInt", nullable: true }),
    description: t.exposeString("description"),
    referenceType: t.exposeString("referenceType", { nullable: true }),
    referenceId: t.exposeString("referenceId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    counterpartyAccount: t.relation("counterpartyAccount", {
      nullable: true,
      description: "The other side of a transfer or markup (an agency or its sub-account).",
    }),
    actorUser: t.relation("actorUser", { nullable: true }),
  }),
});

export const TokenTransactionConnection = namedConnection(TokenTransactionRef, "TokenTransaction");

export const TokenReservationRef = builder.drizzleNode("tokenReservations", {
  name: "TokenReservation",
  id: { column: (r) => r.id },
  authScopes: { permission: "wallet:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    status: t.expose("status", { type: TokenReservationStatusEnum }),
    serviceCode: t.exposeString("serviceCode"),
    units: t.expose("units", { type: "SafeInt" }),
    amount: t.expose("amount", { type: "SafeInt", description: "Tokens held for the units reserved." }),
    settledUnits: t.expose("settledUnits", { type: "SafeInt", nullable: true }),
    settledAmount: t.expose("settledAmount", { type: "SafeInt", nullable: true }),
    markupAmount: t.expose("markupAmount", { type: "SafeInt", nullable: true }),
    reference: t.exposeString("reference", { nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const ServiceMarkupRef = builder.drizzleNode("serviceMarkups", {
  name: "ServiceMarkup",
  id: { column: (m) => m.id },
  authScopes: { permission: "sub_accounts:fund" },
  select: { columns: { id: true } },
  fields: (t) => ({
    subAccount: t.relation("subAccount"),
    serviceCode: t.exposeString("serviceCode", {
      nullable: true,
      description: "null: every service without a markup of its own.",
    }),
    markupBps: t.exposeInt("markupBps", { description: "Basis points on the base price: 2000 = +20 %." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
