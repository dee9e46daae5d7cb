// Audit entries keep before/after snapshots; secrets never reach them.
const SECRET_KEYS = /(password|secret|token|hash)/i;

export function redact(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? "[redacted]" : redact(v);
  }
  return out;
}
