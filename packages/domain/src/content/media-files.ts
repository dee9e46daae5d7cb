// Which files may be uploaded as media: a short allowlist of types a browser shows as an image,
// a video or a document, each checked against the file's first bytes, so a file cannot claim to
// be an image while being HTML. (The download route also sends `nosniff`.)
//
// SVG is refused: an SVG file is an XML document that can carry script, and opened directly it
// runs in the origin that serves it (the API's, or the console's when it passes media through).
// Serving it as an attachment under a CSP would make it safe but useless for previews and posts,
// so it is simply not accepted; a PNG or WebP export does the same job.
import { imageSize } from "image-size";

export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const startsWith = (bytes: Uint8Array, expected: number[], offset = 0) =>
  bytes.length >= offset + expected.length && expected.every((b, i) => bytes[offset + i] === b);

interface MediaKind {
  label: string;
  /** Width and height can be read from the header. */
  image: boolean;
  matches: (bytes: Uint8Array) => boolean;
}

export const MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  "image/png": {
    label: "PNG image",
    image: true,
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  "image/jpeg": { label: "JPEG image", image: true, matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  "image/gif": {
    label: "GIF image",
    image: true,
    matches: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
  },
  "image/webp": {
    label: "WebP image",
    image: true,
    matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8),
  },
  "application/pdf": { label: "PDF document", image: false, matches: (b) => startsWith(b, ascii("%PDF-")) },
  // ISO base media file: a box whose type is `ftyp`, after its 4-byte size.
  "video/mp4": { label: "MP4 video", image: false, matches: (b) => startsWith(b, ascii("ftyp"), 4) },
};

/** `image/PNG; charset=x` → `image/png`; the common `image/jpg` alias → `image/jpeg`. */
export function normalizeMimeType(raw: string): string {
  const type = raw.split(";")[0]!.trim().toLowerCase();
  return type === "image/jpg" ? "image/jpeg" : type;
}

/** Width and height of an image, or null when the header cannot be read (a damaged file). */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null;
  }
}
