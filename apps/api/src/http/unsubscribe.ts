// GET /unsubscribe?token=… shows a small confirmation page with a button; POST /unsubscribe
// (the button, or a mail client's RFC 8058 one-click POST with body List-Unsubscribe=One-Click)
// revokes the contact's marketing consent on the token's channel. No sign-in: the signed token
// (domain unsubscribe-token.ts) is the authority, and it can only ever say "no more". GET changes
// nothing, because link scanners and previews fetch links in e-mails. Repeating the POST is
// harmless (unsubscribeContact is idempotent).
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Database, withTenant } from "@markettina/db";
import {
  DomainError,
  type OperationContext,
  type UnsubscribeTarget,
  unsubscribeContact,
  unsubscribeLink,
  verifyUnsubscribeToken,
} from "@markettina/domain";
import { sql } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { requestActor } from "./authenticate-request.ts";
import { readBody } from "./read-body.ts";

export const UNSUBSCRIBE_PATH = "/unsubscribe";
const MAX_FORM_BYTES = 4_096;

/** The unsubscribe link for a contact, as the message sender puts it in a marketing message. */
export const unsubscribeLinkFor = (
  config: Pick<ApiConfig, "publicApiUrl" | "authSecret">,
  target: UnsubscribeTarget,
) => unsubscribeLink({ baseUrl: config.publicApiUrl, secret: config.authSecret, ...target });

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const CHANNEL_WORDS: Record<UnsubscribeTarget["channel"], string> = {
  email: "marketing e-mails",
  sms: "marketing text messages",
  push: "marketing notifications",
};

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/html; charset=utf-8");
  // The token is in the URL: it must not leak to other sites, be cached, or be framed.
  res.setHeader("cache-control", "no-store");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader(
    "content-security-policy",
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  );
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.4rem}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#1f2937;color:#fff;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`);
}

const invalidLink = (res: ServerResponse) =>
  sendPage(
    res,
    400,
    "This unsubscribe link is not valid",
    "<p>It may have been cut short when it was copied. Use the link in the message itself.</p>",
  );

function tokenOf(req: IncomingMessage, form?: URLSearchParams): string | null {
  const url = new URL(req.url ?? "/", "http://localhost");
  return url.searchParams.get("token") ?? form?.get("token") ?? null;
}

export function unsubscribeHandler(deps: { db: Database; config: ApiConfig }) {
  /** Runs `fn` in the token's account, as the system (no user, no key): the token is the grant. */
  const inAccount = <T>(
    req: IncomingMessage,
    requestId: string,
    target: UnsubscribeTarget,
    fn: (ctx: OperationContext) => Promise<T>,
  ) => {
    const scope = {
      accountId: target.accountId,
      accountIds: [target.accountId],
      userId: null,
      apiKeyId: null,
      requestId,
    };
    return withTenant(deps.db, scope, (tx) =>
      fn({
        tx,
        actor: requestActor(req, null, requestId, deps.config),
        accountId: target.accountId,
        role: null,
        scopes: null,
        scope,
      }),
    );
  };

  return {
    show: async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
      const token = tokenOf(req);
      const target = token ? verifyUnsubscribeToken(deps.config.authSecret, token) : null;
      if (!token || !target) return invalidLink(res);
      const [account] = await inAccount(req, requestId, target, (ctx) =>
        ctx.tx.execute<{ name: string }>(sql`select name from accounts where id = ${target.accountId}`),
      );
      const from = account ? ` from ${escapeHtml(account.name)}` : "";
      sendPage(
        res,
        200,
        "Unsubscribe",
        `<p>Stop receiving ${CHANNEL_WORDS[target.channel]}${from}?</p>
<form method="post" action="${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}">
<button type="submit">Unsubscribe</button></form>`,
      );
    },

    confirm: async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
      // The body is a form: the button's (empty) or RFC 8058's List-Unsubscribe=One-Click. Either
      // way the POST is the confirmation; the token may also come in the form.
      const form = new URLSearchParams(await readBody(req, MAX_FORM_BYTES));
      const token = tokenOf(req, form);
      const target = token ? verifyUnsubscribeToken(deps.config.authSecret, token) : null;
      if (!target) return invalidLink(res);
      try {
        await inAccount(req, requestId, target, (ctx) =>
          unsubscribeContact(ctx, { contactId: target.contactId, channel: target.channel }),
        );
      } catch (error) {
        if (error instanceof DomainError && error.errors[0]?.code === "NOT_FOUND") {
          return sendPage(res, 404, "Nothing to unsubscribe", "<p>We no longer hold this address.</p>");
        }
        throw error;
      }
      sendPage(
        res,
        200,
        "You are unsubscribed",
        `<p>You will not receive ${CHANNEL_WORDS[target.channel]} from us any more.</p>`,
      );
    },
  };
}
