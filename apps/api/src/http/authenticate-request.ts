// Who is asking, the same for /graphql and /media: the Authorization header is read before any
// body (a console token is verified here, an API key needs the database), then, inside the
// request's transaction, the principal is settled and its access in the requested account
// (X-Account-Id) resolved, which sets the tenant scope (RLS settings) for everything after it.
import type { IncomingMessage } from "node:http";
import type { Transaction } from "@markettina/db";
import {
  type Access,
  type Actor,
  authenticateApiKey,
  type Principal,
  resolveAccess,
  touchApiKey,
} from "@markettina/domain";
import type { ApiConfig } from "../config.ts";
import { verifyConsoleToken } from "./console-token.ts";

/** An answer decided before or instead of the operation (401, 403, 400, …); thrown to roll the
 * request's transaction back. */
export class EarlyResponse extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const BEARER_REQUIRED = "Use `Authorization: Bearer <token or API key>`.";

export type Credentials = { kind: "user"; userId: string } | { kind: "apiKey"; secret: string };

/** The Authorization header's credentials; null without the header. */
export async function readCredentials(req: IncomingMessage, config: ApiConfig): Promise<Credentials | null> {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new EarlyResponse(401, "UNAUTHENTICATED", BEARER_REQUIRED);
  const token = match[1]!;
  if (token.startsWith("mk_")) return { kind: "apiKey", secret: token };
  const userId = await verifyConsoleToken(token, config.authSecret);
  if (!userId) throw new EarlyResponse(401, "UNAUTHENTICATED", "Invalid or expired token.");
  return { kind: "user", userId };
}

/** X-Account-Id: the account (id or slug) the caller asks to act in; null for its default. */
export function requestedAccount(req: IncomingMessage): string | null {
  const header = req.headers["x-account-id"];
  return (Array.isArray(header) ? header[0] : header)?.trim() || null;
}

/** A console user is who the token names; an API key is looked up (it may be revoked or expired). */
async function principalOf(tx: Transaction, credentials: Credentials): Promise<Principal> {
  if (credentials.kind === "user") return credentials;
  const check = await authenticateApiKey(tx, credentials.secret);
  if (!check.ok) throw new EarlyResponse(401, "UNAUTHENTICATED", check.message);
  return { kind: "apiKey", ...check.principal };
}

/** The principal behind `credentials` and its access in `requested` (an account id or slug, or
 * null for the principal's default); sets the tenant scope on `tx`. */
export async function authenticateRequest(
  tx: Transaction,
  credentials: Credentials,
  requested: string | null,
  request: { requestId: string; statementTimeoutMs: number },
): Promise<{ principal: Principal; access: Access }> {
  const principal = await principalOf(tx, credentials);
  const access = await resolveAccess(tx, principal, requested, request);
  if (!access.ok) throw new EarlyResponse(403, "FORBIDDEN", access.message);
  // After resolveAccess: api_keys is a tenant table, out of sight until the scope is set.
  if (principal.kind === "apiKey") await touchApiKey(tx, principal.apiKeyId);
  return { principal, access: access.access };
}

/** The caller's address for the audit trail: the socket's, or the proxy's word for it if trusted. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return (trustProxy && first) || req.socket.remoteAddress || null;
}

/** Who the audit trail and domain events name for this request. */
export function requestActor(
  req: IncomingMessage,
  principal: Principal | null,
  requestId: string,
  config: ApiConfig,
): Actor {
  return {
    userId: principal?.kind === "user" ? principal.userId : null,
    apiKeyId: principal?.kind === "apiKey" ? principal.apiKeyId : null,
    requestId,
    ip: clientAddress(req, config.trustProxy),
    userAgent: req.headers["user-agent"] ?? null,
  };
}
