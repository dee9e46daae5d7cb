// Soft delete: the asset disappears from the library and its download route, but the row and the
// bytes stay, since content already written may name the asset (content_items.media_asset_ids)
// and the audit trail keeps what was published. Removing the bytes is a purge's job
// (MediaStorage.delete); the application role cannot delete media rows at all.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { loadMediaAsset } from "./load-media-asset.ts";
import type { MediaAssetRow } from "./upload-media-asset.ts";

export const DeleteMediaAssetInput = z.object({ id: z.uuid() });
export type DeleteMediaAssetInput = z.input<typeof DeleteMediaAssetInput>;

export async function deleteMediaAsset(
  ctx: OperationContext,
  raw: DeleteMediaAssetInput,
): Promise<MediaAssetRow> {
  authorize(ctx, "content:write");
  const input = parseInput(DeleteMediaAssetInput, raw);
  const before = await loadMediaAsset(ctx, input.id, { lock: true });
  const [after] = await ctx.tx
    .update(schema.mediaAssets)
    .set({ deletedAt: sql`now()` })
    .where(eq(schema.mediaAssets.id, before.id))
    .returning();
  await recordChange(ctx, { action: "media_asset.deleted", entityType: "media_asset", entityId: before.id });
  return after!;
}
