// What the media proxy routes share: the same rules as /api/graphql (the signed-in user's console
// token is added here, the browser only names the account), and the API's JSON error shape.
import "server-only";
import { mintConsoleToken } from "@/lib/auth/console-token";
import { currentUser } from "@/lib/auth/current-user";

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The API's limit (packages/domain MAX_MEDIA_BYTES): a larger upload is refused before it is read. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

export function mediaError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * The upstream headers for the signed-in user acting in `account`, or the Response refusing the
 * request (signed out, or no valid account named).
 */
export async function upstreamHeaders(
  request: Request,
  account: string | null,
): Promise<Record<string, string> | Response> {
  const user = await currentUser();
  if (!user) return mediaError(401, "UNAUTHENTICATED", "You are not signed in.");
  if (!account || !ACCOUNT_ID.test(account)) {
    return mediaError(400, "ACCOUNT_REQUIRED", "Name the account the file belongs to.");
  }
  const headers: Record<string, string> = {
    authorization: `Bearer ${await mintConsoleToken(user.id)}`,
    "x-account-id": account,
  };
  for (const name of ["user-agent", "x-forwarded-for"]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  return headers;
}

/** Copies the named headers of the API's answer that the browser needs. */
export function pickHeaders(from: Headers, names: readonly string[]): Headers {
  const headers = new Headers();
  for (const name of names) {
    const value = from.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}
