// generateContent: reserve → generate → settle (or release on a provider failure), in one domain
// operation. A provider failure is not a userError: the payload carries the generation with
// status FAILED and its error, because the release and the record of the attempt are kept.
import { type ContentGenerationRow, generateContent, offlineGenerationProvider } from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { ContentItemRef, ContentTypeEnum } from "./content-item-types.ts";
import { ContentGenerationRef } from "./generation-types.ts";
import { PostChannelEnum } from "./post-types.ts";
import { CampaignRef } from "./types.ts";

const GenerateContentPayload = builder
  .objectRef<MutationResult<{ generation: ContentGenerationRow }>>("GenerateContentPayload")
  .implement({
    fields: (t) => ({
      generation: t.field({ type: ContentGenerationRef, nullable: true, resolve: (p) => p.generation }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  generateContent: t.fieldWithInput({
    type: GenerateContentPayload,
    description:
      "Writes drafts from the brand DNA and a brief. Reserves the tokens of contentGenerationQuote, " +
      "charges what was written and releases the rest; a provider failure releases everything and " +
      "answers the generation with status FAILED. Retrying with the same idempotencyKey answers " +
      "the same generation, charged once.",
    authScopes: { authenticated: true },
    input: {
      idempotencyKey: t.input.string({ required: true, description: "A new key (a UUID) per confirmation." }),
      contentType: t.input.field({ type: ContentTypeEnum, required: true }),
      channel: t.input.field({
        type: PostChannelEnum,
        description: "Default: the content type's usual channel.",
      }),
      brief: t.input.string({ required: true, description: "What the content is about." }),
      campaignId: t.input.globalID({ for: CampaignRef }),
      contentItemId: t.input.globalID({
        for: ContentItemRef,
        description: "The item the drafts are for (linked; save the chosen draft with updateContentItem).",
      }),
      createDraft: t.input.boolean({ description: "Also save the first draft as a new content item." }),
      variants: t.input.int({ description: "Alternative drafts to write, 1–3 (default 1)." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          generation: await generateContent(
            op,
            {
              idempotencyKey: input.idempotencyKey,
              contentType: input.contentType,
              channel: input.channel ?? undefined,
              brief: input.brief,
              campaignId: input.campaignId?.id,
              contentItemId: input.contentItemId?.id,
              createDraft: input.createDraft ?? undefined,
              variants: input.variants ?? undefined,
            },
            ctx.generationProvider ?? offlineGenerationProvider,
          ),
        }),
        { generation: null },
      ),
  }),
}));
