// `Idempotency-Key` on GraphQL requests: what identifies a request, and what of its answer is kept
// for a replay.
import { createHash } from "node:crypto";

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The header's value if it is a valid key (1–255 printable ASCII characters), else an error. */
export function readIdempotencyKey(value: string | undefined): { key: string | null } | { error: string } {
  if (value === undefined || value === "") return { key: null };
  return KEY.test(value)
    ? { key: value }
    : { error: "Idempotency-Key must be 1–255 printable ASCII characters." };
}

/** The same query, variables and operation name hash the same, however the JSON was spaced. */
export function requestFingerprint(body: unknown, search: string): string {
  const { query, variables, operationName } = (
    typeof body === "object" && body !== null ? body : {}
  ) as Record<string, unknown>;
  return createHash("sha256")
    .update(
      JSON.stringify([query ?? null, variables ?? null, operationName ?? null, body === "" ? search : ""]),
    )
    .digest("hex");
}

export function operationNameOf(body: unknown): string {
  const name = (body as { operationName?: unknown } | null)?.operationName;
  return typeof name === "string" && name ? name : "graphql";
}

// Secrets are shown once: a stored answer keeps everything but them (an API key's secret, an
// invitation link), which a replay returns as null.
const ONE_TIME = new Set(["secret", "inviteUrlPath"]);

export function withoutOneTimeSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOneTimeSecrets);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, ONE_TIME.has(k) ? null : withoutOneTimeSecrets(v)]),
  );
}
