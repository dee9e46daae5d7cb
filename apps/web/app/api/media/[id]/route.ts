// GET /api/media/<uuid>?account=<slug> - a media file for the signed-in user (BFF for the API's
// GET /media/:id), so an <img> in the console can show it: the account is in the query because an
// image request carries no custom headers. The bytes stream through; the API's content headers
// (type, nosniff, the sandboxing CSP, ETag) come back with them, and a revalidation is a 304.
import { apiUrl } from "@/lib/api-url";
import { mediaError, pickHeaders, upstreamHeaders } from "../media-proxy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PASSED_ON = [
  "content-type",
  "content-length",
  "content-disposition",
  "x-content-type-options",
  "content-security-policy",
  "etag",
] as const;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) return mediaError(404, "NOT_FOUND", "Media asset not found.");
  const headers = await upstreamHeaders(request, new URL(request.url).searchParams.get("account"));
  if (headers instanceof Response) return headers;
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) headers["if-none-match"] = ifNoneMatch;

  let upstream: Response;
  try {
    upstream = await fetch(apiUrl(`/media/${id}`), { headers, cache: "no-store" });
  } catch {
    return mediaError(502, "API_UNREACHABLE", "The Markettina API is not reachable.");
  }
  const answer = pickHeaders(upstream.headers, PASSED_ON);
  // Whatever the API says, nothing from this route is sniffed into something runnable.
  answer.set("x-content-type-options", "nosniff");
  // The browser may keep a copy but asks again each time (a cheap 304 by ETag): the session and
  // the account's access are checked on every use, so a signed-out browser shows nothing stale.
  answer.set("cache-control", "private, no-cache");
  return new Response(upstream.status === 304 ? null : upstream.body, {
    status: upstream.status,
    headers: answer,
  });
}
