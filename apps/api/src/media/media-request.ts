// The prologue of a media request, the same as GraphQL's: credentials (a console token or an API
// key), then one transaction that resolves the tenant scope (RLS settings) and runs the domain
// operation in it. Domain failures become JSON answers with a fitting status.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@markettina/db";
import { DomainError, type OperationContext, type UserError } from "@markettina/domain";
import type { ApiConfig } from "../config.ts";
import {
  authenticateRequest,
  BEARER_REQUIRED,
  type Credentials,
  EarlyResponse,
  readCredentials,
  requestActor,
  requestedAccount,
} from "../http/authenticate-request.ts";
import { sendJson } from "../http/send.ts";

/** Media needs credentials: there is nothing anonymous to upload or download. */
export async function requireCredentials(req: IncomingMessage, config: ApiConfig): Promise<Credentials> {
  const credentials = await readCredentials(req, config);
  if (!credentials) throw new EarlyResponse(401, "UNAUTHENTICATED", BEARER_REQUIRED);
  return credentials;
}

/** Runs `operation` in the caller's current account (X-Account-Id, or the API key's account). */
export function inTenant<T>(
  deps: { db: Database; config: ApiConfig },
  req: IncomingMessage,
  requestId: string,
  credentials: Credentials,
  operation: (ctx: OperationContext) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const { principal, access } = await authenticateRequest(tx, credentials, requestedAccount(req), {
      requestId,
      statementTimeoutMs: deps.config.statementTimeoutMs,
    });
    const { scope } = access;
    if (!scope.accountId) {
      throw new EarlyResponse(
        400,
        "ACCOUNT_REQUIRED",
        "Choose an account: send its id or slug in X-Account-Id.",
      );
    }
    return operation({
      tx,
      accountId: scope.accountId,
      role: access.role,
      scopes: access.scopes,
      scope,
      actor: requestActor(req, principal, requestId, deps.config),
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
  if (error instanceof EarlyResponse) {
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
