// The installation-wide catalogs: token packages, service prices (with the current account's
// agency markup) and promo codes, read by tenants and edited by platform admins. Platform-admin
// fields need no current account; the database says who is one (app.is_platform_admin).
import { schema } from "@markettina/db";
import { costOf, type PromoCodeRow } from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { desc, sql } from "drizzle-orm";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { isPlatformAdminRequest } from "../platform/platform-admin.ts";

const adminOnly = {
  authScopes: (_root: unknown, _args: unknown, ctx: GraphQLContext) => isPlatformAdminRequest(ctx),
};

export const TokenPackageRef = builder.drizzleNode("tokenPackages", {
  name: "TokenPackage",
  id: { column: (p) => p.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    tokens: t.expose("tokens", { type: "SafeInt" }),
    bonusTokens: t.expose("bonusTokens", { type: "SafeInt" }),
    priceMinor: t.exposeInt("priceMinor", { description: "Price in minor units (cents)." }),
    currency: t.exposeString("currency"),
    active: t.exposeBoolean("active"),
    sortOrder: t.exposeInt("sortOrder"),
  }),
});

type AccountPrices = Map<string, { tokensPerUnit: number; markupBps: number }>;
const pricesByRequest = new WeakMap<GraphQLContext, Promise<AccountPrices>>();

/** The current account's whole price list in one call per request (not one per service row). */
function accountPrices(ctx: GraphQLContext): Promise<AccountPrices> {
  const accountId = ctx.access?.scope.accountId;
  if (!accountId) return Promise.resolve(new Map());
  let prices = pricesByRequest.get(ctx);
  if (!prices) {
    prices = ctx.tx
      .execute<{ service_code: string; tokens_per_unit: string; markup_bps: number }>(
        sql`select service_code, tokens_per_unit, markup_bps from app.service_prices(${accountId})`,
      )
      .then(
        (rows) =>
          new Map(
            rows.map((r) => [
              r.service_code,
              { tokensPerUnit: Number(r.tokens_per_unit), markupBps: r.markup_bps },
            ]),
          ),
      );
    pricesByRequest.set(ctx, prices);
  }
  return prices;
}

export const ServicePriceRef = builder.drizzleNode("servicePricing", {
  name: "ServicePrice",
  id: { column: (s) => s.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    serviceCode: t.exposeString("serviceCode"),
    name: t.exposeString("name"),
    unit: t.exposeString("unit"),
    tokensPerUnit: t.expose("tokensPerUnit", { type: "SafeInt", description: "The base price." }),
    active: t.exposeBoolean("active"),
    markupBps: t.int({
      description: "The agency's markup for the current account, in basis points (0 without an account).",
      select: { columns: { serviceCode: true } },
      resolve: async (s, _args, ctx) => (await accountPrices(ctx)).get(s.serviceCode)?.markupBps ?? 0,
    }),
    effectiveTokensPerUnit: t.field({
      type: "SafeInt",
      description: "What one unit costs the current account: the base price plus its agency's markup.",
      select: { columns: { serviceCode: true, tokensPerUnit: true } },
      resolve: async (s, _args, ctx) => {
        const markupBps = (await accountPrices(ctx)).get(s.serviceCode)?.markupBps ?? 0;
        return costOf({ tokensPerUnit: s.tokensPerUnit, markupBps }, 1).total;
      },
    }),
  }),
});

export const PromoKindEnum = builder.enumType("PromoKind", {
  values: { BONUS_TOKENS: { value: "bonus_tokens" }, PERCENT_OFF: { value: "percent_off" } } as const,
});

// Not a node: promo_codes has no row-level security (it is installation-wide), so a node lookup
// would show any code to any caller. Codes are reachable only through admin-only fields.
export const PromoCodeRef = builder.objectRef<PromoCodeRow>("PromoCode").implement({
  description: "A promo code (platform admins only).",
  fields: (t) => ({
    id: t.id({ resolve: (p) => encodeGlobalID("PromoCode", p.id) }),
    code: t.exposeString("code"),
    description: t.exposeString("description"),
    kind: t.field({ type: PromoKindEnum, resolve: (p) => p.kind }),
    value: t.field({
      type: "SafeInt",
      description: "Bonus tokens, or the percentage off.",
      resolve: (p) => (p.kind === "bonus_tokens" ? p.bonusTokens : p.percentOff) ?? 0,
    }),
    maxRedemptions: t.exposeInt("maxRedemptions", { nullable: true }),
    redemptionCount: t.exposeInt("redemptionCount"),
    validFrom: t.expose("validFrom", { type: "DateTime", nullable: true }),
    validUntil: t.expose("validUntil", { type: "DateTime", nullable: true }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  tokenPackages: t.drizzleField({
    type: [TokenPackageRef],
    description: "Packages on sale. includeInactive lists withdrawn ones too, for platform admins only.",
    authScopes: { authenticated: true },
    args: { includeInactive: t.arg.boolean() },
    resolve: async (query, _root, args, ctx) => {
      const all = args.includeInactive === true && (await isPlatformAdminRequest(ctx));
      return runPlanned(
        ctx.tx.query.tokenPackages.findMany(
          query({ where: all ? {} : { active: true }, orderBy: { sortOrder: "asc", name: "asc" } }),
        ),
      );
    },
  }),

  servicePricing: t.drizzleField({
    type: [ServicePriceRef],
    description: "The metered services on offer, with what they cost the current account.",
    authScopes: { permission: "wallet:read" },
    resolve: (query, _root, _args, ctx) =>
      runPlanned(
        ctx.tx.query.servicePricing.findMany(
          query({ where: { active: true }, orderBy: { serviceCode: "asc" } }),
        ),
        "service_pricing",
      ),
  }),

  allServicePricing: t.drizzleField({
    type: [ServicePriceRef],
    description: "Every priced service, withdrawn ones included (platform admins).",
    ...adminOnly,
    resolve: (query, _root, _args, ctx) =>
      runPlanned(
        ctx.tx.query.servicePricing.findMany(query({ orderBy: { serviceCode: "asc" } })),
        "all_service_pricing",
      ),
  }),

  promoCodes: t.field({
    type: [PromoCodeRef],
    description: "Every promo code, newest first (platform admins).",
    ...adminOnly,
    resolve: (_root, _args, ctx) =>
      ctx.tx.select().from(schema.promoCodes).orderBy(desc(schema.promoCodes.createdAt)),
  }),
}));
