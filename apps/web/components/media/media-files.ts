// Media as the console shows it: where a file is fetched from (the web server's proxy, which adds
// the session's credentials), and the types the API accepts.

/** The API's `/media/<uuid>` as the console's `/api/media/<uuid>?account=<slug>`. */
export function mediaProxyUrl(accountSlug: string, apiUrl: string): string {
  const id = apiUrl.split("/").pop() ?? "";
  return `/api/media/${encodeURIComponent(id)}?account=${encodeURIComponent(accountSlug)}`;
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
