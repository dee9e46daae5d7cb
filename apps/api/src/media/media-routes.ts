// POST /media: upload a file (raw bytes in the body, its type in Content-Type, its name in
// X-File-Name, percent-encoded when not ASCII); answers the asset as JSON.
// GET /media/:id: the file's bytes, for members of the owning account (content:read).
// Both authenticate like /graphql (console token or API key, X-Account-Id) and read or write the
// asset's row in the request's tenant transaction, so another tenant's id is simply not found.
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { Database } from "@markettina/db";
import {
  MAX_MEDIA_BYTES,
  type MediaAssetRow,
  type MediaStorage,
  readMediaAsset,
  uploadMediaAsset,
} from "@markettina/domain";
import type { ApiConfig } from "../config.ts";
import { EarlyResponse } from "../http/authenticate-request.ts";
import { readRawBody } from "../http/read-body.ts";
import { sendJson } from "../http/send.ts";
import { inTenant, requireCredentials, sendFailure } from "./media-request.ts";

export const MEDIA_PATH = /^\/media\/([^/]+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The asset as the API shows it: the same id as GraphQL's MediaAsset node. */
export const mediaAssetJson = (asset: MediaAssetRow) => ({
  id: Buffer.from(`MediaAsset:${asset.id}`).toString("base64"),
  fileName: asset.fileName,
  mimeType: asset.mimeType,
  sizeBytes: asset.sizeBytes,
  sha256: asset.sha256,
  width: asset.width,
  height: asset.height,
  altText: asset.altText,
  tags: asset.tags,
  url: `/media/${asset.id}`,
  createdAt: asset.createdAt.toISOString(),
});

function fileNameOf(req: IncomingMessage): string {
  const raw = req.headers["x-file-name"];
  const name = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Content-Disposition with the name as typed (RFC 6266 filename*) and an ASCII fallback. */
function disposition(asset: MediaAssetRow): string {
  // A PDF is a document with active content of its own: downloaded, not opened in our origin.
  const type = asset.mimeType === "application/pdf" ? "attachment" : "inline";
  const ascii = asset.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(asset.fileName)}`;
}

/** Closes a body that will not be read (a Node stream is destroyed, its file closed). */
const close = async (body: AsyncIterable<Uint8Array>) => {
  await body[Symbol.asyncIterator]().return?.();
};

export function mediaRoutes(deps: { db: Database; config: ApiConfig; storage: MediaStorage }) {
  return {
    upload: async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
      try {
        // Who is asking comes before the body: nobody streams 20 MB at us without credentials.
        const credentials = await requireCredentials(req, deps.config);
        if (Number(req.headers["content-length"] ?? 0) > MAX_MEDIA_BYTES) {
          throw new EarlyResponse(
            413,
            "PAYLOAD_TOO_LARGE",
            `A file may have at most ${MAX_MEDIA_BYTES} bytes.`,
          );
        }
        const bytes = await readRawBody(req, MAX_MEDIA_BYTES);
        const asset = await inTenant(deps, req, requestId, credentials, (ctx) =>
          uploadMediaAsset(
            ctx,
            { fileName: fileNameOf(req), mimeType: req.headers["content-type"] ?? "", bytes },
            deps.storage,
          ),
        );
        res.setHeader("location", `/media/${asset.id}`);
        sendJson(res, 201, mediaAssetJson(asset));
      } catch (error) {
        if (!sendFailure(res, requestId, error)) throw error;
      }
    },

    download: async (req: IncomingMessage, res: ServerResponse, requestId: string, id: string) => {
      try {
        const credentials = await requireCredentials(req, deps.config);
        if (!UUID.test(id)) throw new EarlyResponse(404, "NOT_FOUND", "Media asset not found.");
        // The row is read in the tenant transaction; the bytes are streamed after it commits.
        const { asset, body } = await inTenant(deps, req, requestId, credentials, (ctx) =>
          readMediaAsset(ctx, { id }, deps.storage),
        );
        const etag = `"${asset.sha256}"`;
        res.setHeader("etag", etag);
        res.setHeader("cache-control", "private, max-age=3600");
        res.setHeader("x-content-type-options", "nosniff");
        // Nothing served here is meant to run script, whatever a browser makes of it.
        res.setHeader("content-security-policy", "sandbox");
        if (req.headers["if-none-match"] === etag) {
          res.statusCode = 304;
          res.end();
          await close(body);
          return;
        }
        res.statusCode = 200;
        res.setHeader("content-type", asset.mimeType);
        res.setHeader("content-length", String(asset.sizeBytes));
        res.setHeader("content-disposition", disposition(asset));
        if (req.method === "HEAD") {
          res.end();
          await close(body);
          return;
        }
        await pipeline(body, res);
      } catch (error) {
        // The client went away mid-download: nothing to answer, nothing went wrong here.
        if ((error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE") return;
        if (!sendFailure(res, requestId, error)) throw error;
      }
    },
  };
}
