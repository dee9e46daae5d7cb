// Mints the short-lived console token the API accepts from the web server (never sent to the browser).
import "server-only";
import { SignJWT } from "jose";
import { authSecret } from "./auth-secret";

const TOKEN_LIFETIME = "5m";

export async function mintConsoleToken(userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer("markettina-web")
    .setAudience("markettina-api")
    .setIssuedAt()
    .setExpirationTime(TOKEN_LIFETIME)
    .sign(new TextEncoder().encode(authSecret()));
}
