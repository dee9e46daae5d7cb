// The installation-wide catalogs: token packages, service prices (with the current account's
// agency markup) and promo codes, read by tenants and edited by platform admins. Platform-admin
// fields need no current account; the database says who is one (app.is_platform_admin).
import { schema } from "@markettina/db";
import {
  costOf,
  type PromoCodeRow,
  savePromoCode,
  saveServicePricing,
  saveTokenPackage,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { desc, sql } from "drizzle-orm";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { isPlatformAdminRequest, runPlatformMutation } from "../platform/platform-admin.ts";
import { type MutationResult, UserErrorRef } from "../platform/user-errors.ts";

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

const PromoKindEnum = builder.enumType("PromoKind", {
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

type TokenPackageRow = typeof schema.tokenPackages.$inferSelect;
type ServicePriceRow = typeof schema.servicePricing.$inferSelect;

const TokenPackagePayload = (name: string) =>
  builder.objectRef<MutationResult<{ tokenPackage: TokenPackageRow | null }>>(name).implement({
    fields: (t) => ({
      tokenPackage: t.field({ type: TokenPackageRef, nullable: true, resolve: (p) => p.tokenPackage }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const ServicePricePayload = (name: string) =>
  builder.objectRef<MutationResult<{ servicePrice: ServicePriceRow | null }>>(name).implement({
    fields: (t) => ({
      servicePrice: t.field({ type: ServicePriceRef, nullable: true, resolve: (p) => p.servicePrice }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const PromoCodePayload = (name: string) =>
  builder.objectRef<MutationResult<{ promoCode: PromoCodeRow | null }>>(name).implement({
    fields: (t) => ({
      promoCode: t.field({ type: PromoCodeRef, nullable: true, resolve: (p) => p.promoCode }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

/** GraphQL null on an optional input means "leave as is" for columns that cannot be null. */
const kept = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

builder.mutationFields((t) => ({
  createTokenPackage: t.fieldWithInput({
    type: TokenPackagePayload("CreateTokenPackagePayload"),
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      description: t.input.string(),
      tokens: t.input.field({ type: "SafeInt", required: true }),
      bonusTokens: t.input.field({ type: "SafeInt" }),
      priceMinor: t.input.int({ required: true }),
      currency: t.input.string(),
      active: t.input.boolean(),
      sortOrder: t.input.int(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          tokenPackage: await saveTokenPackage(platform, {
            name: input.name,
            description: kept(input.description),
            tokens: input.tokens,
            bonusTokens: kept(input.bonusTokens),
            priceMinor: input.priceMinor,
            currency: kept(input.currency),
            active: kept(input.active),
            sortOrder: kept(input.sortOrder),
          }),
        }),
        { tokenPackage: null },
      ),
  }),

  updateTokenPackage: t.fieldWithInput({
    type: TokenPackagePayload("UpdateTokenPackagePayload"),
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: TokenPackageRef }),
      name: t.input.string(),
      description: t.input.string(),
      tokens: t.input.field({ type: "SafeInt" }),
      bonusTokens: t.input.field({ type: "SafeInt" }),
      priceMinor: t.input.int(),
      currency: t.input.string(),
      active: t.input.boolean(),
      sortOrder: t.input.int(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          tokenPackage: await saveTokenPackage(platform, {
            id: input.id.id,
            name: kept(input.name),
            description: kept(input.description),
            tokens: kept(input.tokens),
            bonusTokens: kept(input.bonusTokens),
            priceMinor: kept(input.priceMinor),
            currency: kept(input.currency),
            active: kept(input.active),
            sortOrder: kept(input.sortOrder),
          }),
        }),
        { tokenPackage: null },
      ),
  }),

  createServicePricing: t.fieldWithInput({
    type: ServicePricePayload("CreateServicePricingPayload"),
    authScopes: { authenticated: true },
    input: {
      serviceCode: t.input.string({ required: true }),
      name: t.input.string({ required: true }),
      unit: t.input.string({ required: true }),
      tokensPerUnit: t.input.field({ type: "SafeInt", required: true }),
      active: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          servicePrice: await saveServicePricing(platform, { ...input, active: kept(input.active) }),
        }),
        { servicePrice: null },
      ),
  }),

  updateServicePricing: t.fieldWithInput({
    type: ServicePricePayload("UpdateServicePricingPayload"),
    description: "Changes a service's price or name. Its code is its identity and cannot change.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: ServicePriceRef }),
      name: t.input.string(),
      unit: t.input.string(),
      tokensPerUnit: t.input.field({ type: "SafeInt" }),
      active: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          servicePrice: await saveServicePricing(platform, {
            id: input.id.id,
            name: kept(input.name),
            unit: kept(input.unit),
            tokensPerUnit: kept(input.tokensPerUnit),
            active: kept(input.active),
          }),
        }),
        { servicePrice: null },
      ),
  }),

  createPromoCode: t.fieldWithInput({
    type: PromoCodePayload("CreatePromoCodePayload"),
    authScopes: { authenticated: true },
    input: {
      code: t.input.string({ required: true }),
      description: t.input.string(),
      kind: t.input.field({ type: PromoKindEnum, required: true }),
      value: t.input.field({ type: "SafeInt", required: true, description: "Bonus tokens or percent off." }),
      maxRedemptions: t.input.int(),
      validFrom: t.input.field({ type: "DateTime" }),
      validUntil: t.input.field({ type: "DateTime" }),
      active: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          promoCode: await savePromoCode(platform, {
            ...input,
            description: kept(input.description),
            active: kept(input.active),
          }),
        }),
        { promoCode: null },
      ),
  }),

  updatePromoCode: t.fieldWithInput({
    type: PromoCodePayload("UpdatePromoCodePayload"),
    description: "Changes a promo code. maxRedemptions, validFrom and validUntil: null removes the limit.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: PromoCodeRef }),
      code: t.input.string(),
      description: t.input.string(),
      kind: t.input.field({ type: PromoKindEnum }),
      value: t.input.field({ type: "SafeInt" }),
      maxRedemptions: t.input.int(),
      validFrom: t.input.field({ type: "DateTime" }),
      validUntil: t.input.field({ type: "DateTime" }),
      active: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          promoCode: await savePromoCode(platform, {
            id: input.id.id,
            code: kept(input.code),
            description: kept(input.description),
            kind: kept(input.kind),
            value: kept(input.value),
            // Absent: unchanged; null: no limit.
            maxRedemptions: input.maxRedemptions,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
            active: kept(input.active),
          }),
        }),
        { promoCode: null },
      ),
  }),
}));
