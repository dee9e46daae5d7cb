// Media mutations: alt text and tags, and soft delete. (Uploads are POST /media: bytes do not
// travel through GraphQL.)
import { deleteMediaAsset, type MediaAssetRow, updateMediaAsset } from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { MediaAssetRef } from "./media-types.ts";

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ mediaAsset: MediaAssetRow }>>(name).implement({
    fields: (t) => ({
      mediaAsset: t.field({ type: MediaAssetRef, nullable: true, resolve: (p) => p.mediaAsset }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  updateMediaAsset: t.fieldWithInput({
    type: payload("UpdateMediaAssetPayload"),
    description: "Changes alt text and tags (omitted: left alone). The file itself never changes.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: MediaAssetRef }),
      altText: t.input.string(),
      tags: t.input.stringList(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          mediaAsset: await updateMediaAsset(op, {
            id: input.id.id,
            altText: input.altText ?? undefined,
            tags: input.tags ?? undefined,
          }),
        }),
        { mediaAsset: null },
      ),
  }),
  deleteMediaAsset: t.fieldWithInput({
    type: payload("DeleteMediaAssetPayload"),
    description: "Removes an asset from the library and its URL; content that used it keeps its reference.",
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: MediaAssetRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ mediaAsset: await deleteMediaAsset(op, { id: input.id.id }) }), {
        mediaAsset: null,
      }),
  }),
}));
