// One secret signs the next-auth session cookie and the console tokens the API verifies
// (AUTH_SECRET, or NEXTAUTH_SECRET which the start script sets to the same value).
const DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (process.env.NODE_ENV === "production" && !building) {
    // Same rule as the API: a production server never signs with the published development secret.
    throw new Error(
      "Set AUTH_SECRET (or NEXTAUTH_SECRET): the development default is not used in production.",
    );
  }
  return DEV_SECRET;
}
