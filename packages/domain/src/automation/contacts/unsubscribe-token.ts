// Signed unsubscribe links (DOMAIN.md §5 consent): a token names the account, the contact and the
// channel, signed with HMAC-SHA256. It never expires, because a link in an old e-mail must keep
// working (CAN-SPAM / RFC 8058 expect that); a token only ever revokes consent, so a replay can do
// no more than the first click did.
import { createHmac, timingSafeEqual } from "node:crypto";

export const UNSUBSCRIBE_CHANNELS = ["email", "sms", "push"] as const;
export type UnsubscribeChannel = (typeof UNSUBSCRIBE_CHANNELS)[number];

export interface UnsubscribeTarget {
  accountId: string;
  contactId: string;
  channel: UnsubscribeChannel;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key that signs unsubscribe tokens, derived from the installation's secret (the API's
 * AUTH_SECRET): a separate key, so a token of one kind (console tokens) can never pass for another.
 */
const signingKey = (secret: string): Buffer =>
  createHmac("sha256", secret).update("markettina:unsubscribe:v1").digest();

const sign = (secret: string, payload: string): Buffer =>
  createHmac("sha256", signingKey(secret)).update(payload).digest();

/** The token for a contact and channel: base64url(payload) "." base64url(signature). */
export function unsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const payload = `${target.accountId}:${target.contactId}:${target.channel}`;
  return `${Buffer.from(payload).toString("base64url")}.${sign(secret, payload).toString("base64url")}`;
}

/**
 * The link put in marketing messages (and in their List-Unsubscribe header). `secret` is the
 * installation's secret (AUTH_SECRET), `baseUrl` the API's public address (PUBLIC_API_URL).
 */
export function unsubscribeLink(o: {
  baseUrl: string;
  secret: string;
  accountId: string;
  contactId: string;
  channel: UnsubscribeChannel;
}): string {
  const token = unsubscribeToken(o.secret, o);
  return `${o.baseUrl.replace(/\/+$/, "")}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** What a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeTarget | null {
  if (typeof token !== "string" || token.length > 512) return null;
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, "base64url");
  // Constant time: a timing difference would let an attacker forge a signature byte by byte.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [accountId, contactId, channel, rest] = payload.split(":");
  if (rest !== undefined || !accountId || !contactId || !UUID.test(accountId) || !UUID.test(contactId))
    return null;
  if (!(UNSUBSCRIBE_CHANNELS as readonly string[]).includes(channel ?? "")) return null;
  return { accountId, contactId, channel: channel as UnsubscribeChannel };
}
