// POST /api/graphql - the browser's GraphQL endpoint (BFF): adds a freshly minted console token for
// the signed-in user and forwards to the API; the API's body and status come back unchanged.
import { apiUrl } from "@/lib/api-url";
import { mintConsoleToken } from "@/lib/auth/console-token";
import { currentUser } from "@/lib/auth/current-user";

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_BODY_BYTES = 1_000_000;

export async function POST(request: Request): Promise<Response> {
  // The session rides on a cookie, so this endpoint must not answer a cross-site form post: only
  // JSON is accepted, which a browser sends cross-site only after a CORS preflight we never grant.
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    return graphQLError(415, "Send the request as application/json.");
  }
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return graphQLError(413, "The request is too large.");

  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  // Anonymous requests are forwarded without a token: the API decides what they may do
  // (accepting an invitation with a new password is the one the console needs).
  const user = await currentUser();
  if (user) headers.authorization = `Bearer ${await mintConsoleToken(user.id)}`;

  const accountId = request.headers.get("x-account-id");
  if (accountId && !user) return graphQLError(401, "You are not signed in.", "UNAUTHENTICATED");
  if (accountId) {
    if (!ACCOUNT_ID.test(accountId)) return graphQLError(400, "Invalid X-Account-Id header.");
    headers["x-account-id"] = accountId;
  }
  const userAgent = request.headers.get("user-agent");
  if (userAgent) headers["user-agent"] = userAgent;
  const forwardedFor = request.headers.get("x-forwarded-for");
  if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;

  let upstream: Response;
  try {
    upstream = await fetch(apiUrl("/graphql"), { method: "POST", headers, body, cache: "no-store" });
  } catch {
    return graphQLError(502, "The Markettina API is not reachable.", "API_UNREACHABLE");
  }
  return new Response(await upstream.arrayBuffer(), {
    status: upstream.status,
    headers: {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "cache-control": "no-store",
    },
  });
}

function graphQLError(status: number, message: string, code = "BAD_REQUEST"): Response {
  return Response.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: { "cache-control": "no-store" } },
  );
}
