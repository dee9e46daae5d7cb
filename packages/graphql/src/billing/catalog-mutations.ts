// Catalog mutations (platform admins): create and update token packages, service prices and promo
// codes. Deactivate instead of delete: invoices and wallets refer to them.
import type { schema } from "@markettina/db";
import { type PromoCodeRow, savePromoCode, saveServicePricing, saveTokenPackage } from "@markettina/domain";
import { builder } from "../builder.ts";
import { runPlatformMutation } from "../platform/platform-admin.ts";
import { type MutationResult, UserErrorRef } from "../platform/user-errors.ts";
import { PromoCodeRef, PromoKindEnum, ServicePriceRef, TokenPackageRef } from "./catalog.ts";

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
