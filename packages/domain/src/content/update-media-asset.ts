// Edits what people say about a media asset (alt text, tags); the bytes never change. The table
// has no version column: two people editing the same alt text at once is rare and the last one
// wins, as for a file's name in a file manager.
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { loadMediaAsset } from "./load-media-asset.ts";
import { MediaAssetFields } from "./media-inputs.ts";
import type { MediaAssetRow } from "./upload-media-asset.ts";

export const UpdateMediaAssetInput = MediaAssetFields.partial().extend({ id: z.uuid() });
export type UpdateMediaAssetInput = z.input<typeof UpdateMediaAssetInput>;

export async function updateMediaAsset(
  ctx: OperationContext,
  raw: UpdateMediaAssetInput,
): Promise<MediaAssetRow> {
  authorize(ctx, "content:write");
  const { id, ...fields } = parseInput(UpdateMediaAssetInput, raw);
  const before = await loadMediaAsset(ctx, id, { lock: true });
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) return before;
  const [after] = await ctx.tx
    .update(schema.mediaAssets)
    .set(changes)
    .where(eq(schema.mediaAssets.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "media_asset.updated",
    entityType: "media_asset",
    entityId: before.id,
    before,
    after,
  });
  return after!;
}
