// A marketer uploads an image, video or PDF: the type is checked against the allowlist and the
// file's own first bytes, the size is bounded, and the bytes are stored under a key made from ids.
import { createHash } from "node:crypto";
import { schema, uuidv7 } from "@markettina/db";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { imageDimensions, MAX_MEDIA_BYTES, MEDIA_TYPES, normalizeMimeType } from "./media-files.ts";
import { MediaAssetFields } from "./media-inputs.ts";
import { type MediaStorage, mediaStorageKey } from "./media-storage.ts";

export type MediaAssetRow = typeof schema.mediaAssets.$inferSelect;

/** The name as shown and offered on download: no directories, no control characters. */
const FileName = z
  .string()
  .transform((name) =>
    (name.split(/[/\\]/).pop() ?? "")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim(),
  )
  .pipe(z.string().min(1, "Name the file.").max(255, "A file name has at most 255 characters."));

export const UploadMediaAssetInput = MediaAssetFields.partial().extend({
  fileName: FileName,
  mimeType: z.string().transform(normalizeMimeType),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: "Send the file's bytes." }),
});
export type UploadMediaAssetInput = z.input<typeof UploadMediaAssetInput>;

export async function uploadMediaAsset(
  ctx: OperationContext,
  raw: UploadMediaAssetInput,
  storage: MediaStorage,
): Promise<MediaAssetRow> {
  authorize(ctx, "content:write");
  const input = parseInput(UploadMediaAssetInput, raw);
  const { bytes, mimeType } = input;
  const kind = MEDIA_TYPES[mimeType];
  if (!kind) {
    fail(
      "INVALID",
      `${mimeType || "This type"} is not accepted: upload PNG, JPEG, GIF, WebP, PDF or MP4.`,
      "mimeType",
    );
  }
  if (bytes.length === 0) fail("INVALID", "The file is empty.", "bytes");
  if (bytes.length > MAX_MEDIA_BYTES) {
    fail("INVALID", `A file may have at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`, "bytes");
  }
  if (!kind!.matches(bytes)) fail("INVALID", `The file is not a ${kind!.label}.`, "mimeType");
  const size = kind!.image ? imageDimensions(bytes) : null;
  if (kind!.image && !size) fail("INVALID", `The ${kind!.label} is damaged or incomplete.`, "bytes");

  const id = uuidv7();
  const storageKey = mediaStorageKey(ctx.accountId, id);
  const [created] = await ctx.tx
    .insert(schema.mediaAssets)
    .values({
      id,
      accountId: ctx.accountId,
      fileName: input.fileName,
      mimeType,
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      altText: input.altText ?? "",
      tags: input.tags ?? [],
      width: size?.width ?? null,
      height: size?.height ?? null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  // Bytes after the row: if storing fails, the error rolls the row back. Should the transaction
  // fail after this, the stored bytes are unreachable (no row names their key) and harmless.
  await storage.put(storageKey, bytes, mimeType);
  await recordChange(ctx, {
    action: "media_asset.uploaded",
    entityType: "media_asset",
    entityId: id,
    after: created,
  });
  return created!;
}
