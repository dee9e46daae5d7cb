// POST /api/media - uploads a file for the signed-in user (BFF for the API's POST /media): the raw
// bytes stream through to the API with their Content-Type and X-File-Name; the account comes in
// X-Account-Id. The API's answer (the asset, or a 413/415/422 refusal) comes back unchanged.
import { apiUrl } from "@/lib/api-url";
import { MAX_MEDIA_BYTES, mediaError, pickHeaders, upstreamHeaders } from "./media-proxy";

export async function POST(request: Request): Promise<Response> {
  // The session rides on a cookie, so a cross-site page must not be able to upload with it: the
  // account is only taken from a custom header, which a browser sends cross-site only after a
  // CORS preflight this route never grants.
  const headers = await upstreamHeaders(request, request.headers.get("x-account-id"));
  if (headers instanceof Response) return headers;
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_MEDIA_BYTES) {
    return mediaError(
      413,
      "PAYLOAD_TOO_LARGE",
      `A file may have at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`,
    );
  }
  headers["content-type"] = request.headers.get("content-type") ?? "application/octet-stream";
  headers["x-file-name"] = request.headers.get("x-file-name") ?? "";

  let upstream: Response;
  try {
    upstream = await fetch(apiUrl("/media"), {
      method: "POST",
      headers,
      body: request.body,
      // Streams the body instead of buffering it; the API bounds its size as it reads.
      duplex: "half",
      cache: "no-store",
    } as RequestInit & { duplex: "half" });
  } catch {
    return mediaError(502, "API_UNREACHABLE", "The Markettina API is not reachable.");
  }
  const answer = pickHeaders(upstream.headers, ["content-type"]);
  answer.set("cache-control", "no-store");
  return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers: answer });
}
