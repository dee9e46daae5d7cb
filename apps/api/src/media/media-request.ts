// The prologue of a media request, the same as GraphQL's: credentials (a console token or an API
// key), then one transaction that resolves the tenant scope (RLS settings) and runs the domain
// operation in it. Domain failures become JSON answers with a fitting status.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@markettina/db";
import {
  authenticateApiKey,
  DomainError,
  type OperationContext,
  type Principal,
  resolveAccess,
  touchApiKey,
  type UserError,
} from "@markettina/domain";
import type { ApiConfig } from "../config.ts";
import { verifyConsoleToken } from "../http/console-token.ts";
import { sendJson } from "../http/send.ts";

/** An answer decided before or instead of the operation (401, 403, 400); rolls back. */
export class MediaResponse extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export type Credentials = { kind: "user"; userId: string } | { kind: "apiKey"; secret: string };

/** Checks the Authorization header; a console token is verified here, an API key in the database. */
export async function readCredentials(req: IncomingMessage, config: ApiConfig): Promise<Credentials> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match)
    throw new MediaResponse(401, "UNAUTHENTICATED", "Use `Authorization: Bearer <token or API key>`.");
  const token = match[1]!;
  if (token.startsWith("mk_")) return { kind: "apiKey", secret: token };
  const userId = await verifyConsoleToken(token, config.authSecret);
  if (!userId) throw new MediaResponse(401, "UNAUTHENTICATED", "Invalid or expired token.");
  return { kind: "user", userId };
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return (trustProxy && first) || req.socket.remoteAddress || null;
}

/** Runs `operation` in the caller's current account (X-Account-Id, or the API key's account). */
export function inTenant<T>(
  deps: { db: Database; config: ApiConfig },
  req: IncomingMessage,
  requestId: string,
  credentials: Credentials,
  operation: (ctx: OperationContext) => Promise<T>,
): Promise<T> {
  const header = req.headers["x-account-id"];
  const requested = (Array.isArray(header) ? header[0] : header)?.trim() || null;
  return deps.db.transaction(async (tx) => {
    let principal: Principal;
    if (credentials.kind === "apiKey") {
      const check = await authenticateApiKey(tx, credentials.secret);
      if (!check.ok) throw new MediaResponse(401, "UNAUTHENTICATED", check.message);
      principal = { kind: "apiKey", ...check.principal };
      await touchApiKey(tx, principal.apiKeyId);
    } else principal = credentials;
    const access = await resolveAccess(tx, principal, requested, {
      requestId,
      statementTimeoutMs: deps.config.statementTimeoutMs,
    });
    if (!access.ok) throw new MediaResponse(403, "FORBIDDEN", access.message);
    const { scope } = access.access;
    if (!scope.accountId) {
      throw new MediaResponse(
        400,
        "ACCOUNT_REQUIRED",
        "Choose an account: send its id or slug in X-Account-Id.",
      );
    }
    return operation({
      tx,
      accountId: scope.accountId,
      role: access.access.role,
      scopes: access.access.scopes,
      scope,
      actor: {
        userId: principal.kind === "user" ? principal.userId : null,
        apiKeyId: principal.kind === "apiKey" ? principal.apiKeyId : null,
        requestId,
        ip: clientAddress(req, deps.config.trustProxy),
        userAgent: req.headers["user-agent"] ?? null,
      },
    });
  });
}

const statusOf = (e: UserError): number => {
  if (e.code === "NOT_FOUND") return 404;
  if (e.code === "FORBIDDEN") return 403;
  // The type is off the allowlist or the bytes are not what the type says.
  if (e.code === "INVALID" && e.field === "mimeType") return 415;
  return 422;
};

/** Answers an expected failure; returns false for anything else (the server's 500 handles it). */
export function sendFailure(res: ServerResponse, requestId: string, error: unknown): boolean {
  if (error instanceof MediaResponse) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message, requestId } });
    return true;
  }
  if (error instanceof DomainError) {
    const first = error.errors[0]!;
    sendJson(res, statusOf(first), {
      error: { code: first.code, message: first.message, requestId },
      userErrors: error.errors,
    });
    return true;
  }
  return false;
}
