// Media as the console shows it: where a file is fetched from (the web server's proxy, which adds
// the session's credentials), sizes in words, and the types the API accepts.

/** The API's `/media/<uuid>` as the console's `/api/media/<uuid>?account=<slug>`. */
export function mediaProxyUrl(accountSlug: string, apiUrl: string): string {
  const id = apiUrl.split("/").pop() ?? "";
  return `/api/media/${encodeURIComponent(id)}?account=${encodeURIComponent(accountSlug)}`;
}

const SIZE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** 1536 → "1.5 KB" (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${SIZE.format(bytes / 1024)} KB`;
  return `${SIZE.format(bytes / 1024 / 1024)} MB`;
}

/** The upload allowlist (packages/domain media-files.ts): the file picker offers these. */
export const ACCEPTED_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "video/mp4",
];

/** "image/png" → "PNG image"; unknown types as they are. */
export function typeLabel(mimeType: string): string {
  const labels: Record<string, string> = {
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "image/gif": "GIF image",
    "image/webp": "WebP image",
    "application/pdf": "PDF document",
    "video/mp4": "MP4 video",
  };
  return labels[mimeType] ?? mimeType;
}
