// Integrators authenticate with `Authorization: Bearer mk_…`. Only the SHA-256 of the secret is
// stored; the look-up runs before any tenant scope exists (app.find_api_key, SECURITY DEFINER).
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { sha256 } from "./secrets.ts";

export interface ApiKeyPrincipal {
  apiKeyId: string;
  accountId: string;
  scopes: string[];
}

export type ApiKeyCheck = { ok: true; principal: ApiKeyPrincipal } | { ok: false; message: string };

interface KeyRow {
  id: string;
  account_id: string;
  scopes: string[];
  // Raw rows: drizzle leaves timestamps as text.
  expires_at: string | null;
  revoked_at: string | null;
}

export async function authenticateApiKey(tx: Executor, secret: string): Promise<ApiKeyCheck> {
  if (!secret.startsWith("mk_")) return { ok: false, message: "Invalid API key." };
  const [key] = await tx.execute<KeyRow>(sql`select * from app.find_api_key(${sha256(secret)})`);
  if (!key) return { ok: false, message: "Invalid API key." };
  if (key.revoked_at) return { ok: false, message: "This API key has been revoked." };
  if (key.expires_at && new Date(key.expires_at).getTime() <= Date.now()) {
    return { ok: false, message: "This API key has expired." };
  }
  return { ok: true, principal: { apiKeyId: key.id, accountId: key.account_id, scopes: key.scopes } };
}
