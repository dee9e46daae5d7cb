import { mediaProxyUrl } from "./media-files";

type ThumbnailAsset = {
  url: string;
  mimeType: string;
  altText: string;
  width: number | null;
  height: number | null;
};

/**
 * An image is shown from the console's media proxy (it adds the session's credentials); a video or
 * a PDF is a labelled tile: neither is opened inside the console.
 */
export function MediaThumbnail({ asset, accountSlug }: { asset: ThumbnailAsset; accountSlug: string }) {
  if (asset.mimeType.startsWith("image/")) {
    return (
      // biome-ignore lint/performance/noImgElement: the proxy's bytes are served as they are, not optimised
      <img
        src={mediaProxyUrl(accountSlug, asset.url)}
        alt={asset.altText}
        width={asset.width ?? undefined}
        height={asset.height ?? undefined}
        loading="lazy"
        className="h-full w-full object-contain"
      />
    );
  }
  const label =
    asset.mimeType === "application/pdf" ? "PDF" : asset.mimeType.startsWith("video/") ? "Video" : "File";
  return (
    <span aria-hidden="true" className="text-sm font-semibold tracking-wide text-zinc-400 uppercase">
      {label}
    </span>
  );
}
