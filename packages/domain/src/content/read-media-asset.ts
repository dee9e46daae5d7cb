// A media asset's bytes for a member of its account: the row is read under the request's tenant
// scope, so another tenant's id is simply not found; the bytes come from the storage as a stream.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { loadMediaAsset } from "./load-media-asset.ts";
import type { MediaStorage } from "./media-storage.ts";
import type { MediaAssetRow } from "./upload-media-asset.ts";

export const ReadMediaAssetInput = z.object({ id: z.uuid() });
export type ReadMediaAssetInput = z.input<typeof ReadMediaAssetInput>;

export async function readMediaAsset(
  ctx: OperationContext,
  raw: ReadMediaAssetInput,
  storage: MediaStorage,
): Promise<{ asset: MediaAssetRow; body: AsyncIterable<Uint8Array> }> {
  authorize(ctx, "content:read");
  const input = parseInput(ReadMediaAssetInput, raw);
  const asset = await loadMediaAsset(ctx, input.id);
  const body = await storage.get(asset.storageKey);
  // A row without bytes: storage lost them (or was pointed elsewhere). Say so, rather than 500.
  if (!body) return fail("NOT_FOUND", "The file of this media asset is missing from storage.", "id");
  return { asset, body };
}
