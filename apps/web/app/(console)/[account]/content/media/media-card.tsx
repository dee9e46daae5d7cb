"use client";

import { useState } from "react";
import { typeLabel } from "@/components/media/media-files";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatBytes, formatDate } from "@/components/ui/format";
import { useAccountMutation, useAccountSlug } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { MediaEditDialog } from "./media-edit-dialog";
import { DeleteMediaAssetMutation, MEDIA_QUERIES } from "./media-operations";
import type { MediaAsset } from "./use-media-pages";

/** One asset: its thumbnail, what it is, its tags and alt text, and (for writers) edit and delete. */
export function MediaCard({ asset, canWrite }: { asset: MediaAsset; canWrite: boolean }) {
  const accountSlug = useAccountSlug();
  const remove = useAccountMutation(DeleteMediaAssetMutation);
  const { error, run } = useRowAction(MEDIA_QUERIES);
  const [editing, setEditing] = useState(false);
  const isImage = asset.mimeType.startsWith("image/");

  return (
    <li
      aria-label={asset.fileName}
      className="flex flex-col overflow-hidden rounded-lg border border-zinc-200"
    >
      <div className="flex aspect-[4/3] items-center justify-center bg-zinc-50">
        <MediaThumbnail asset={asset} accountSlug={accountSlug} />
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3 text-sm">
        <p className="truncate font-medium text-zinc-900" title={asset.fileName}>
          {asset.fileName}
        </p>
        <p className="text-xs text-zinc-500">
          {typeLabel(asset.mimeType)} · {formatBytes(asset.sizeBytes)}
          {asset.width && asset.height ? ` · ${asset.width}×${asset.height}` : ""} ·{" "}
          {formatDate(asset.createdAt)}
        </p>
        {asset.tags.length > 0 ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
            {asset.tags.map((tag) => (
              <li key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600">
                #{tag}
              </li>
            ))}
          </ul>
        ) : null}
        {asset.altText ? (
          <p data-testid="media-alt-text" className="text-xs text-zinc-700">
            <span className="text-zinc-500">Alt text: </span>
            {asset.altText}
          </p>
        ) : isImage ? (
          <p data-testid="media-alt-text" className="text-xs text-amber-800">
            No alt text yet
          </p>
        ) : null}
        {canWrite ? (
          <div className="mt-auto flex items-center gap-2 pt-1">
            <Button
              variant="secondary"
              size="sm"
              aria-label={`Edit ${asset.fileName}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
            <ConfirmButton
              label="Delete"
              ariaLabel={`Delete ${asset.fileName}`}
              title="Delete this file?"
              description="It leaves the library and its link stops working. Content already written with it keeps its reference."
              confirmLabel="Delete"
              onConfirm={() =>
                run(
                  async () => (await remove.mutateAsync({ input: { id: asset.id } })).deleteMediaAsset,
                  "Could not delete the file.",
                )
              }
            />
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      {editing ? <MediaEditDialog asset={asset} onClose={() => setEditing(false)} /> : null}
    </li>
  );
}
