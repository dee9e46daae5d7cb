// Console requests carry a short-lived HS256 token minted by the web app from its session.
// Integrators never use these: they use API keys.
import { jwtVerify } from "jose";

export const CONSOLE_TOKEN_ISSUER = "markettina-web";
export const CONSOLE_TOKEN_AUDIENCE = "markettina-api";

export async function verifyConsoleToken(token: string, secret: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: CONSOLE_TOKEN_ISSUER,
      audience: CONSOLE_TOKEN_AUDIENCE,
      algorithms: ["HS256"],
      maxTokenAge: "10m",
    });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}
