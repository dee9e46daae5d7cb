// The SQLSTATE of a failed statement: drizzle wraps the driver's error (DrizzleQueryError), whose
// cause carries postgres.js's `code`.
export function sqlState(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}
