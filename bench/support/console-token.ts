// Mints a console token the way the web console does (HS256 with the API's issuer and audience),
// with node:crypto so the benchmark needs no dependency of its own.
import { createHmac } from "node:crypto";

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function mintConsoleToken(options: {
  userId: string;
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      sub: options.userId,
      iss: options.issuer,
      aud: options.audience,
      iat: now,
      exp: now + (options.ttlSeconds ?? 600),
    }),
  );
  const signature = createHmac("sha256", options.secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64url(signature)}`;
}
