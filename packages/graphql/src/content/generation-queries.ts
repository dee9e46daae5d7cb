// Content generation reads: the account's generations (newest first), the provider that writes
// drafts here, and the quote of a generation before it is confirmed.
import { schema } from "@markettina/db";
import { offlineGenerationProvider, providerInfo, quoteContentGeneration } from "@markettina/domain";
import { and, count, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { builder } from "../builder.ts";
import { currentAccountId, operationContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { ContentItemRef, ContentTypeEnum } from "./content-item-types.ts";
import {
  ContentGenerationConnection,
  ContentGenerationQuoteRef,
  GenerationProviderRef,
  GenerationStatusEnum,
} from "./generation-types.ts";
import { PostChannelEnum } from "./post-types.ts";
import { CampaignRef } from "./types.ts";

type Generations = typeof schema.contentGenerations;

interface GenerationFilterInput {
  statuses?: Generations["$inferSelect"]["status"][] | null;
  contentItemId?: { id: string } | null;
  campaignId?: { id: string } | null;
}

function generationFilter(g: Generations, accountId: string, f?: GenerationFilterInput | null): SQL {
  return and(
    eq(g.accountId, accountId),
    f?.statuses && f.statuses.length > 0 ? inArray(g.status, f.statuses) : undefined,
    f?.contentItemId ? eq(g.contentItemId, f.contentItemId.id) : undefined,
    f?.campaignId ? eq(g.campaignId, f.campaignId.id) : undefined,
  )!;
}

const ContentGenerationFilter = builder.inputType("ContentGenerationFilter", {
  fields: (t) => ({
    statuses: t.field({ type: [GenerationStatusEnum] }),
    contentItemId: t.globalID({ for: ContentItemRef }),
    campaignId: t.globalID({ for: CampaignRef }),
  }),
});

builder.queryFields((t) => ({
  contentGenerations: t.drizzleConnection(
    {
      type: "contentGenerations",
      description: "Generations of the current account, newest first.",
      authScopes: { permission: "content:read" },
      args: { filter: t.arg({ type: ContentGenerationFilter }) },
      totalCount: async (_root, args, ctx) => {
        const g = schema.contentGenerations;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(g)
          .where(generationFilter(g, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.contentGenerations.findMany(
            query({
              where: { RAW: (g) => generationFilter(g, currentAccountId(ctx), args.filter) },
              orderBy: { createdAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    ContentGenerationConnection,
  ),

  generationProvider: t.field({
    type: GenerationProviderRef,
    description: "Who writes generated drafts here; name it as `label` says (offline: no AI).",
    authScopes: { permission: "content:read" },
    resolve: (_root, _args, ctx) => providerInfo(ctx.generationProvider ?? offlineGenerationProvider),
  }),

  contentGenerationQuote: t.field({
    type: ContentGenerationQuoteRef,
    nullable: true,
    description: "The tokens generateContent will reserve for these drafts; null when the service is off.",
    authScopes: { permission: "content:read" },
    args: {
      contentType: t.arg({ type: ContentTypeEnum, required: true }),
      channel: t.arg({ type: PostChannelEnum, description: "Default: the content type's usual channel." }),
      variants: t.arg.int({ defaultValue: 1, validate: z.number().int().min(1).max(3) }),
    },
    resolve: async (_root, args, ctx) => {
      const quote = await quoteContentGeneration(operationContext(ctx), {
        contentType: args.contentType,
        channel: args.channel ?? undefined,
        variants: args.variants ?? 1,
      });
      const provider = providerInfo(ctx.generationProvider ?? offlineGenerationProvider);
      return quote ? { ...quote, provider } : null;
    },
  }),
}));
