// Wallet reads: the current account's wallet and ledger, its spend over time, and the agency
// roll-up of its sub-accounts' wallets. Aggregates are one SQL statement each (no per-row loads).
import { schema } from "@markettina/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { count, sql } from "drizzle-orm";
import { z } from "zod";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { transactionFilter } from "./wallet-filters.ts";
import {
  ServiceMarkupRef,
  TokenTransactionConnection,
  TokenTransactionTypeEnum,
  WalletRef,
} from "./wallet-types.ts";

const TransactionFilter = builder.inputType("TokenTransactionFilter", {
  fields: (t) => ({
    types: t.field({ type: [TokenTransactionTypeEnum] }),
    serviceCode: t.string(),
    from: t.field({ type: "DateTime", description: "Inclusive." }),
    to: t.field({ type: "DateTime", description: "Exclusive." }),
  }),
});

interface SpendDay {
  day: string;
  spent: number;
  credited: number;
}

const SpendDayRef = builder.objectRef<SpendDay>("WalletSpendDay").implement({
  description: "One day of a wallet's history, in the account's time zone.",
  fields: (t) => ({
    day: t.exposeString("day", { description: "YYYY-MM-DD in the account's time zone." }),
    spent: t.expose("spent", { type: "SafeInt", description: "Tokens debited by services." }),
    credited: t.expose("credited", { type: "SafeInt", description: "Tokens bought, granted or received." }),
  }),
});

interface SubAccountWallet {
  accountId: string;
  name: string;
  slug: string;
  balance: number;
  reserved: number;
  lowBalance: boolean;
  spentThisMonth: number;
  markupBps: number;
}

const SubAccountWalletRef = builder.objectRef<SubAccountWallet>("SubAccountWallet").implement({
  description: "An agency's view of one sub-account's wallet.",
  fields: (t) => ({
    accountId: t.id({ resolve: (w) => encodeGlobalID("Account", w.accountId) }),
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    balance: t.expose("balance", { type: "SafeInt" }),
    reserved: t.expose("reserved", { type: "SafeInt" }),
    available: t.field({ type: "SafeInt", resolve: (w) => w.balance - w.reserved }),
    lowBalance: t.exposeBoolean("lowBalance"),
    spentThisMonth: t.expose("spentThisMonth", {
      type: "SafeInt",
      description: "Tokens debited since the start of this month in the sub-account's time zone.",
    }),
    markupBps: t.exposeInt("markupBps", {
      description: "The agency's markup on every service (basis points).",
    }),
  }),
});

builder.queryFields((t) => ({
  wallet: t.drizzleField({
    type: WalletRef,
    description: "The current account's token wallet.",
    authScopes: { permission: "wallet:read" },
    resolve: (query, _root, _args, ctx) =>
      runPlanned(
        ctx.tx.query.tokenWallets.findFirst(query({ where: { accountId: currentAccountId(ctx) } })),
        "wallet",
      ).then((w) => w!),
  }),

  transactions: t.drizzleConnection(
    {
      type: "tokenTransactions",
      description: "The current account's ledger, newest first.",
      authScopes: { permission: "wallet:read" },
      args: { filter: t.arg({ type: TransactionFilter }) },
      totalCount: async (_root, args, ctx) => {
        const tt = schema.tokenTransactions;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(tt)
          .where(transactionFilter(tt, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.tokenTransactions.findMany(
            query({
              where: { RAW: (tt) => transactionFilter(tt, currentAccountId(ctx), args.filter) },
              orderBy: { seq: "desc" },
            }),
          ),
          // Not prepared: the SQL text varies with the filter (an IN list per number of types).
        ),
    },
    TokenTransactionConnection,
  ),

  walletSpend: t.field({
    type: [SpendDayRef],
    description: "Tokens spent and credited per day over the last `days` days (today included).",
    authScopes: { permission: "wallet:read" },
    args: {
      days: t.arg.int({
        defaultValue: 30,
        validate: z.number().int().min(1, "At least 1 day.").max(366, "At most 366 days."),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const accountId = currentAccountId(ctx);
      const rows = await ctx.tx.execute<{ day: string; spent: string; credited: string }>(sql`
        with tz as (select time_zone from accounts where id = ${accountId}),
        days as (
          select generate_series((now() at time zone tz.time_zone)::date - (${args.days}::int - 1),
                                 (now() at time zone tz.time_zone)::date, interval '1 day')::date as day
            from tz
        ),
        entries as (
          select (t.created_at at time zone tz.time_zone)::date as day, t.type, t.amount
            from token_transactions t, tz
           where t.account_id = ${accountId}
             and t.created_at >= (now() - make_interval(days => ${args.days}::int + 1))
        )
        select to_char(d.day, 'YYYY-MM-DD') as day,
               coalesce(sum(-e.amount) filter (where e.type = 'debit'), 0) as spent,
               coalesce(sum(e.amount) filter (where e.amount > 0), 0) as credited
          from days d left join entries e on e.day = d.day
         group by d.day order by d.day`);
      return rows.map((r) => ({ day: r.day, spent: Number(r.spent), credited: Number(r.credited) }));
    },
  }),

  subAccountWallets: t.field({
    type: [SubAccountWalletRef],
    description: "Agency roll-up: each sub-account's balance, this month's spend and markup.",
    authScopes: { permission: "wallet:read" },
    resolve: async (_root, _args, ctx) => {
      // Row-level security shows sub-accounts' wallets only to the agency's owners and admins.
      const rows = await ctx.tx.execute<{
        id: string;
        name: string;
        slug: string;
        balance: string;
        reserved: string;
        low: boolean;
        spent: string;
        markup_bps: number | null;
      }>(sql`
        select a.id, a.name, a.slug, w.balance, w.reserved, w.low_balance_since is not null as low,
               coalesce((select -sum(t.amount) from token_transactions t
                          where t.account_id = a.id and t.type = 'debit'
                            and t.created_at >= date_trunc('month', now() at time zone a.time_zone)
                                                at time zone a.time_zone), 0) as spent,
               (select m.markup_bps from service_markups m
                 where m.sub_account_id = a.id and m.service_code is null) as markup_bps
          from accounts a join token_wallets w on w.account_id = a.id
         where a.parent_account_id = ${currentAccountId(ctx)} and a.deleted_at is null
         order by a.name`);
      return rows.map((r) => ({
        accountId: r.id,
        name: r.name,
        slug: r.slug,
        balance: Number(r.balance),
        reserved: Number(r.reserved),
        lowBalance: r.low,
        spentThisMonth: Number(r.spent),
        markupBps: r.markup_bps ?? 0,
      }));
    },
  }),

  subAccountMarkups: t.drizzleField({
    type: [ServiceMarkupRef],
    description: "The markups this agency sets on its sub-accounts' prices.",
    authScopes: { permission: "sub_accounts:fund" },
    resolve: (query, _root, _args, ctx) =>
      runPlanned(
        ctx.tx.query.serviceMarkups.findMany(
          query({ where: { accountId: currentAccountId(ctx) }, orderBy: { createdAt: "asc" } }),
        ),
        "service_markups",
      ),
  }),
}));
