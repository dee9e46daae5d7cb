// Secrets handed to people once (API keys, invitation links) are stored only as SHA-256 hashes.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export function newApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = `mk_${randomBytes(24).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, 10), hash: sha256(secret) };
}

export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: sha256(token) };
}

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
export const hashPassword = (password: string): Promise<string> => hash(password);
export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);
