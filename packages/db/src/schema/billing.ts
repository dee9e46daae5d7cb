// Billing: token wallets and their ledger, the package and pricing catalogs, agency markups,
// invoices, payments and promo codes (DOMAIN.md §2).
//
// The ledger is the source of truth. A wallet's balance is changed only by the trigger that
// appends a ledger row (drizzle/…_billing_ledger), which also stamps the row's sequence number and
// balance_after: the application role has no UPDATE privilege on token_wallets.balance at all.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accountId, createdAt, id, timestamptz, updatedAt } from "./columns.ts";
import { accounts, apiKeys, users } from "./identity.ts";

const tokens = (name: string) => bigint(name, { mode: "number" });

export const tokenTransactionType = pgEnum("token_transaction_type", [
  "purchase",
  "bonus",
  "debit",
  "refund",
  "transfer_in",
  "transfer_out",
  "expiry",
  "adjustment",
  // An agency's share of what its sub-accounts spend (rebilling markup).
  "markup",
]);
export const reservationStatus = pgEnum("token_reservation_status", ["held", "settled", "released"]);
export const invoiceStatus = pgEnum("invoice_status", ["draft", "open", "paid", "void"]);
export const paymentProvider = pgEnum("payment_provider", ["stripe", "manual"]);
export const paymentStatus = pgEnum("payment_status", ["pending", "succeeded", "failed", "canceled"]);
export const promoKind = pgEnum("promo_kind", ["bonus_tokens", "percent_off"]);

/** Installation-wide catalog of token packages (platform admins edit it). */
export const tokenPackages = pgTable(
  "token_packages",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    tokens: tokens("tokens").notNull(),
    bonusTokens: tokens("bonus_tokens").notNull().default(0),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull().default("EUR"),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("token_packages_tokens_positive", sql`${t.tokens} > 0 and ${t.bonusTokens} >= 0`),
    check("token_packages_price_positive", sql`${t.priceMinor} > 0`),
    check("token_packages_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const tokenWallets = pgTable(
  "token_wallets",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    balance: tokens("balance").notNull().default(0),
    reserved: tokens("reserved").notNull().default(0),
    /** Sequence number of the last ledger row: the ledger trigger increments it. */
    lastSeq: tokens("last_seq").notNull().default(0),
    currency: text("currency").notNull().default("EUR"),
    lowBalanceThreshold: tokens("low_balance_threshold"),
    /** Set when the balance fell below the threshold, cleared when it rose back: one low-balance
     * event per crossing, not one per debit. */
    lowBalanceSince: timestamptz("low_balance_since"),
    autoRechargeEnabled: boolean("auto_recharge_enabled").notNull().default(false),
    autoRechargePackageId: uuid("auto_recharge_package_id").references(() => tokenPackages.id),
    /** When the auto-recharge job last issued a purchase: one per fall below the threshold. */
    autoRechargeRequestedAt: timestamptz("auto_recharge_requested_at"),
    /** Settings are edited by people: an update names the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("token_wallets_account_id_id_key").on(t.accountId, t.id),
    unique("token_wallets_account_key").on(t.accountId),
    check("token_wallets_balance_nonnegative", sql`${t.balance} >= 0`),
    check("token_wallets_reserved_within_balance", sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.balance}`),
    check("token_wallets_threshold_nonnegative", sql`coalesce(${t.lowBalanceThreshold}, 0) >= 0`),
    // Auto-recharge buys its package when the balance falls below the low-balance threshold.
    check(
      "token_wallets_auto_recharge_complete",
      sql`not ${t.autoRechargeEnabled} or (${t.autoRechargePackageId} is not null and ${t.lowBalanceThreshold} is not null)`,
    ),
  ],
);

/** The ledger: append-only, one row per change of a wallet's balance. */
export const tokenTransactions = pgTable(
  "token_transactions",
  {
    id: id(),
    accountId: accountId(),
    walletId: uuid("wallet_id").notNull(),
    /** 1, 2, 3… per wallet, stamped by the ledger trigger under the wallet's row lock. */
    seq: tokens("seq").notNull(),
    type: tokenTransactionType("type").notNull(),
    /** Signed: credits are positive, debits negative. */
    amount: tokens("amount").notNull(),
    /** The wallet's balance after this row, stamped by the ledger trigger. */
    balanceAfter: tokens("balance_after").notNull(),
    serviceCode: text("service_code"),
    units: tokens("units"),
    description: text("description").notNull().default(""),
    /** What caused the entry: an invoice, a reservation, a promo redemption, a transfer. */
    referenceType: text("reference_type"),
    referenceId: uuid("reference_id"),
    /** The other side of a transfer or of a markup credit. */
    counterpartyAccountId: uuid("counterparty_account_id").references(() => accounts.id),
    idempotencyKey: text("idempotency_key"),
    /** Credits only: when the tokens this entry added expire (bonus tokens); null: never. */
    expiresAt: timestamptz("expires_at"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorApiKeyId: uuid("actor_api_key_id"),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("token_transactions_account_id_id_key").on(t.accountId, t.id),
    unique("token_transactions_wallet_seq_key").on(t.walletId, t.seq),
    // The guard against an effect applied twice: one entry per key and wallet.
    unique("token_transactions_wallet_idempotency_key").on(t.walletId, t.idempotencyKey),
    index("token_transactions_account_created_idx").on(t.accountId, t.createdAt.desc(), t.id.desc()),
    index("token_transactions_account_type_idx").on(t.accountId, t.type, t.createdAt.desc()),
    foreignKey({
      name: "token_transactions_wallet_fk",
      columns: [t.accountId, t.walletId],
      foreignColumns: [tokenWallets.accountId, tokenWallets.id],
    }),
    foreignKey({
      name: "token_transactions_api_key_fk",
      columns: [t.accountId, t.actorApiKeyId],
      foreignColumns: [apiKeys.accountId, apiKeys.id],
    }),
    check(
      "token_transactions_amount_sign",
      sql`case
        when ${t.type} in ('purchase', 'bonus', 'refund', 'transfer_in', 'markup') then ${t.amount} > 0
        when ${t.type} in ('debit', 'transfer_out', 'expiry') then ${t.amount} < 0
        else ${t.amount} <> 0 end`,
    ),
    check("token_transactions_balance_nonnegative", sql`${t.balanceAfter} >= 0`),
    check("token_transactions_expiry_on_credits", sql`${t.expiresAt} is null or ${t.amount} > 0`),
  ],
);

/**
 * What is left of each credit, for oldest-first draw-down and the expiry of bonus tokens. Kept by
 * the ledger trigger alone: every credit opens a lot, every debit consumes lots (the soonest to
 * expire first, then the oldest), an `expiry` entry closes what is left of an expired lot. The
 * remaining amounts of a wallet's lots always add up to its balance.
 */
export const tokenLots = pgTable(
  "token_lots",
  {
    id: id(),
    accountId: accountId(),
    walletId: uuid("wallet_id").notNull(),
    entryId: uuid("entry_id").notNull(),
    amount: tokens("amount").notNull(),
    remaining: tokens("remaining").notNull(),
    expiresAt: timestamptz("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("token_lots_account_id_id_key").on(t.accountId, t.id),
    unique("token_lots_entry_key").on(t.entryId),
    index("token_lots_draw_down_idx")
      .on(t.walletId, t.expiresAt.asc().nullsLast(), t.createdAt, t.id)
      .where(sql`remaining > 0`),
    index("token_lots_expiring_idx").on(t.expiresAt).where(sql`remaining > 0 and expires_at is not null`),
    foreignKey({
      name: "token_lots_wallet_fk",
      columns: [t.accountId, t.walletId],
      foreignColumns: [tokenWallets.accountId, tokenWallets.id],
    }),
    foreignKey({
      name: "token_lots_entry_fk",
      columns: [t.accountId, t.entryId],
      foreignColumns: [tokenTransactions.accountId, tokenTransactions.id],
    }),
    check("token_lots_remaining_within", sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.amount}`),
  ],
);

/** Tokens held for work in flight: reserved before, settled (actual ≤ reserved) or released after. */
export const tokenReservations = pgTable(
  "token_reservations",
  {
    id: id(),
    accountId: accountId(),
    walletId: uuid("wallet_id").notNull(),
    status: reservationStatus("status").notNull().default("held"),
    serviceCode: text("service_code").notNull(),
    units: tokens("units").notNull(),
    /** Price per unit when reserved: the base price and the agency's markup on top. */
    baseTokensPerUnit: tokens("base_tokens_per_unit").notNull(),
    markupBps: integer("markup_bps").notNull().default(0),
    /** Tokens held: what `units` cost this account. */
    amount: tokens("amount").notNull(),
    settledUnits: tokens("settled_units"),
    settledAmount: tokens("settled_amount"),
    markupAmount: tokens("markup_amount"),
    reference: text("reference"),
    idempotencyKey: text("idempotency_key"),
    expiresAt: timestamptz("expires_at").notNull(),
    settledAt: timestamptz("settled_at"),
    releasedAt: timestamptz("released_at"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("token_reservations_account_id_id_key").on(t.accountId, t.id),
    unique("token_reservations_wallet_idempotency_key").on(t.walletId, t.idempotencyKey),
    index("token_reservations_held_expiry_idx").on(t.expiresAt).where(sql`status = 'held'`),
    foreignKey({
      name: "token_reservations_wallet_fk",
      columns: [t.accountId, t.walletId],
      foreignColumns: [tokenWallets.accountId, tokenWallets.id],
    }),
    check("token_reservations_amount_positive", sql`${t.amount} > 0 and ${t.units} > 0`),
    check(
      "token_reservations_settled_within",
      sql`${t.settledAmount} is null or (${t.settledAmount} >= 0 and ${t.settledAmount} <= ${t.amount})`,
    ),
  ],
);

/** Installation-wide price list: tokens per unit of each metered service. */
export const servicePricing = pgTable(
  "service_pricing",
  {
    id: id(),
    serviceCode: text("service_code").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    tokensPerUnit: tokens("tokens_per_unit").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("service_pricing_service_code_key").on(t.serviceCode),
    check("service_pricing_code_format", sql`${t.serviceCode} ~ '^[a-z][a-z0-9_]{1,62}$'`),
    check("service_pricing_tokens_positive", sql`${t.tokensPerUnit} > 0`),
  ],
);

/**
 * An agency's markup on a sub-account's prices (rebilling). The row belongs to the agency
 * (account_id); the composite key on (parent_account_id, id) of accounts guarantees the
 * sub-account is the agency's own child. service_code null: every service.
 */
export const serviceMarkups = pgTable(
  "service_markups",
  {
    id: id(),
    accountId: accountId(),
    subAccountId: uuid("sub_account_id").notNull(),
    serviceCode: text("service_code").references(() => servicePricing.serviceCode, { onUpdate: "cascade" }),
    /** Basis points on top of the base price: 2500 = +25%. */
    markupBps: integer("markup_bps").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("service_markups_account_id_id_key").on(t.accountId, t.id),
    unique("service_markups_sub_account_service_key").on(t.subAccountId, t.serviceCode).nullsNotDistinct(),
    foreignKey({
      name: "service_markups_sub_account_fk",
      columns: [t.accountId, t.subAccountId],
      foreignColumns: [accounts.parentAccountId, accounts.id],
    }).onDelete("cascade"),
    check("service_markups_bps_range", sql`${t.markupBps} between 0 and 100000`),
  ],
);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    /** Sequential per installation, without gaps: taken from invoice_counters under its lock. */
    number: bigint("number", { mode: "number" }).notNull(),
    status: invoiceStatus("status").notNull().default("open"),
    currency: text("currency").notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull().default(0),
    taxMinor: integer("tax_minor").notNull().default(0),
    totalMinor: integer("total_minor").notNull(),
    /** Who is billed, copied at issue time: an invoice does not change when the account does. */
    billedName: text("billed_name").notNull(),
    promoCodeId: uuid("promo_code_id"),
    issuedAt: timestamptz("issued_at").notNull().defaultNow(),
    paidAt: timestamptz("paid_at"),
    voidedAt: timestamptz("voided_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("invoices_account_id_id_key").on(t.accountId, t.id),
    unique("invoices_number_key").on(t.number),
    index("invoices_account_issued_idx").on(t.accountId, t.issuedAt.desc(), t.id.desc()),
    check(
      "invoices_totals",
      sql`${t.subtotalMinor} >= 0 and ${t.discountMinor} >= 0 and ${t.taxMinor} >= 0
          and ${t.totalMinor} = ${t.subtotalMinor} - ${t.discountMinor} + ${t.taxMinor} and ${t.totalMinor} >= 0`,
    ),
  ],
);

/** The one counter invoice numbers come from (a sequence would leave gaps on rollback). */
export const invoiceCounters = pgTable("invoice_counters", {
  name: text("name").primaryKey(),
  lastNumber: bigint("last_number", { mode: "number" }).notNull().default(0),
});

export const invoiceItems = pgTable(
  "invoice_items",
  {
    id: id(),
    accountId: accountId(),
    invoiceId: uuid("invoice_id").notNull(),
    description: text("description").notNull(),
    packageId: uuid("package_id").references(() => tokenPackages.id),
    quantity: integer("quantity").notNull().default(1),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    tokens: tokens("tokens").notNull().default(0),
    bonusTokens: tokens("bonus_tokens").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("invoice_items_account_id_id_key").on(t.accountId, t.id),
    index("invoice_items_invoice_idx").on(t.accountId, t.invoiceId),
    foreignKey({
      name: "invoice_items_invoice_fk",
      columns: [t.accountId, t.invoiceId],
      foreignColumns: [invoices.accountId, invoices.id],
    }).onDelete("cascade"),
    check(
      "invoice_items_amounts",
      sql`${t.quantity} > 0 and ${t.amountMinor} = ${t.quantity} * ${t.unitPriceMinor}`,
    ),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: id(),
    accountId: accountId(),
    invoiceId: uuid("invoice_id").notNull(),
    provider: paymentProvider("provider").notNull(),
    status: paymentStatus("status").notNull().default("pending"),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    /** Stripe Checkout session id and URL (null for manual payments). */
    checkoutSessionId: text("checkout_session_id"),
    checkoutUrl: text("checkout_url"),
    providerPaymentId: text("provider_payment_id"),
    /** The Stripe event that confirmed the payment. */
    providerEventId: text("provider_event_id"),
    confirmedAt: timestamptz("confirmed_at"),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("payments_account_id_id_key").on(t.accountId, t.id),
    unique("payments_checkout_session_key").on(t.checkoutSessionId),
    index("payments_invoice_idx").on(t.accountId, t.invoiceId),
    index("payments_pending_idx").on(t.createdAt).where(sql`status = 'pending'`),
    foreignKey({
      name: "payments_invoice_fk",
      columns: [t.accountId, t.invoiceId],
      foreignColumns: [invoices.accountId, invoices.id],
    }),
  ],
);

/** Stripe webhook events already processed: the primary key makes each event count once. */
export const stripeEvents = pgTable("stripe_events", {
  eventId: text("event_id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: createdAt(),
});

/** Installation-wide promo codes (platform admins edit them). */
export const promoCodes = pgTable(
  "promo_codes",
  {
    id: id(),
    code: text("code").notNull(),
    description: text("description").notNull().default(""),
    kind: promoKind("kind").notNull(),
    bonusTokens: tokens("bonus_tokens"),
    percentOff: integer("percent_off"),
    maxRedemptions: integer("max_redemptions"),
    redemptionCount: integer("redemption_count").notNull().default(0),
    validFrom: timestamptz("valid_from"),
    validUntil: timestamptz("valid_until"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("promo_codes_code_key").on(sql`upper(${t.code})`),
    check(
      "promo_codes_kind_value",
      sql`(${t.kind} = 'bonus_tokens' and ${t.bonusTokens} > 0 and ${t.percentOff} is null)
          or (${t.kind} = 'percent_off' and ${t.percentOff} between 1 and 100 and ${t.bonusTokens} is null)`,
    ),
    check(
      "promo_codes_redemptions",
      sql`${t.redemptionCount} >= 0 and (${t.maxRedemptions} is null or ${t.redemptionCount} <= ${t.maxRedemptions})`,
    ),
    check(
      "promo_codes_window",
      sql`${t.validFrom} is null or ${t.validUntil} is null or ${t.validFrom} < ${t.validUntil}`,
    ),
  ],
);

export const promoRedemptions = pgTable(
  "promo_redemptions",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    promoCodeId: uuid("promo_code_id")
      .notNull()
      .references(() => promoCodes.id),
    /** The bonus credit (bonus_tokens codes) or the discounted invoice (percent_off codes). */
    transactionId: uuid("transaction_id"),
    invoiceId: uuid("invoice_id"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("promo_redemptions_account_id_id_key").on(t.accountId, t.id),
    // Once per account: the unique key, not a check-then-insert, decides under concurrency.
    unique("promo_redemptions_code_account_key").on(t.promoCodeId, t.accountId),
    foreignKey({
      name: "promo_redemptions_transaction_fk",
      columns: [t.accountId, t.transactionId],
      foreignColumns: [tokenTransactions.accountId, tokenTransactions.id],
    }),
    foreignKey({
      name: "promo_redemptions_invoice_fk",
      columns: [t.accountId, t.invoiceId],
      foreignColumns: [invoices.accountId, invoices.id],
    }),
  ],
);
