// Content generation object types: a generation (its prompt, provider, tokens, drafts and their
// brand check), the provider that writes drafts here, and the quote shown before generating.
import type { BrandCheckResult } from "@markettina/db";
import {
  type ContentGenerationQuote,
  type GenerationBrandCheck,
  type GenerationProviderInfo,
  splitVariants,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";
import { BrandCheckRef, ContentTypeEnum } from "./content-item-types.ts";
import { PostChannelEnum } from "./post-types.ts";

export const GenerationStatusEnum = builder.enumType("GenerationStatus", {
  description: "pending while the provider writes; then succeeded (charged) or failed (released).",
  values: upper(["pending", "succeeded", "failed"] as const),
});

export const GenerationProviderRef = builder
  .objectRef<GenerationProviderInfo>("GenerationProvider")
  .implement({
    description: "Who writes the drafts in this installation: an AI API, or offline templates (no AI).",
    fields: (t) => ({
      name: t.exposeString("name", { description: "offline or openai-compatible." }),
      label: t.exposeString("label", { description: "What to call it in the UI." }),
      offline: t.exposeBoolean("offline", { description: "True when no AI writes the drafts." }),
      model: t.exposeString("model"),
    }),
  });

const GeneratedVariantRef = builder
  .objectRef<{ text: string; brandCheck: BrandCheckResult | null }>("GeneratedVariant")
  .implement({
    fields: (t) => ({
      text: t.exposeString("text", { description: "As written: escape it wherever it is shown." }),
      brandCheck: t.field({ type: BrandCheckRef, nullable: true, resolve: (v) => v.brandCheck }),
    }),
  });

export const ContentGenerationRef = builder.drizzleNode("contentGenerations", {
  name: "ContentGeneration",
  id: { column: (g) => g.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    status: t.expose("status", { type: GenerationStatusEnum }),
    contentType: t.expose("contentType", { type: ContentTypeEnum }),
    channel: t.expose("channel", { type: PostChannelEnum, nullable: true }),
    brief: t.exposeString("brief"),
    prompt: t.exposeString("prompt", { description: "What the provider was asked, brand DNA included." }),
    brandDnaVersion: t.exposeInt("brandDnaVersion", {
      description: "The brand DNA version the prompt used.",
    }),
    provider: t.exposeString("provider", { description: "offline or openai-compatible." }),
    offline: t.boolean({
      description: "True when the drafts came from offline templates, not an AI.",
      select: { columns: { provider: true } },
      resolve: (g) => g.provider === "offline",
    }),
    model: t.exposeString("model"),
    tokensReserved: t.expose("tokensReserved", { type: "SafeInt" }),
    tokensCharged: t.expose("tokensCharged", {
      type: "SafeInt",
      description: "What was written, at most tokensReserved; 0 when the generation failed.",
    }),
    output: t.exposeString("output", {
      nullable: true,
      description: "Every draft, variants separated by a divider line. Escape it wherever it is shown.",
    }),
    variants: t.field({
      type: [GeneratedVariantRef],
      description: "The drafts one by one, each with its own brand check.",
      select: { columns: { output: true, brandCheck: true } },
      resolve: (g) =>
        splitVariants(g.output).map((text, i) => ({
          text,
          brandCheck: (g.brandCheck as GenerationBrandCheck | null)?.variants?.[i] ?? null,
        })),
    }),
    brandCheck: t.expose("brandCheck", {
      type: BrandCheckRef,
      nullable: true,
      description: "Every draft against the brand DNA (words to avoid) and the channel (length).",
    }),
    error: t.exposeString("error", { nullable: true, description: "Why the provider failed." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdByUser", { nullable: true }),
    contentItem: t.relation("contentItem", { nullable: true }),
    campaignId: t.field({
      type: "ID",
      nullable: true,
      description: "The Campaign the drafts were written for.",
      select: { columns: { campaignId: true } },
      resolve: (g) => (g.campaignId ? encodeGlobalID("Campaign", g.campaignId) : null),
    }),
  }),
});

export const ContentGenerationConnection = namedConnection(ContentGenerationRef, "ContentGeneration");

export const ContentGenerationQuoteRef = builder
  .objectRef<ContentGenerationQuote & { provider: GenerationProviderInfo }>("ContentGenerationQuote")
  .implement({
    description:
      "The tokens a generation will reserve, shown before confirming. What is charged is what gets " +
      "written (every started 1,000 words is a unit), never more; the rest is released.",
    fields: (t) => ({
      contentType: t.field({ type: ContentTypeEnum, resolve: (q) => q.contentType }),
      channel: t.field({ type: PostChannelEnum, resolve: (q) => q.channel }),
      variants: t.exposeInt("variants"),
      maxWords: t.exposeInt("maxWords", { description: "The longest draft asked for, in words." }),
      units: t.exposeInt("units"),
      wordsPerUnit: t.exposeInt("wordsPerUnit"),
      tokens: t.expose("tokens", { type: "SafeInt", description: "Reserved: base price plus markup." }),
      baseTokens: t.expose("baseTokens", { type: "SafeInt" }),
      markupTokens: t.expose("markupTokens", { type: "SafeInt", description: "The agency's markup." }),
      provider: t.field({ type: GenerationProviderRef, resolve: (q) => q.provider }),
    }),
  });
