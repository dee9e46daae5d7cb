// JSON typed by a person (a definition, a start input): parsed, or the reason it is not JSON.

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (failure) {
    return { ok: false, error: failure instanceof SyntaxError ? failure.message : "Not valid JSON." };
  }
}

/** An object (not an array, string or number): what a start input or a definition must be. */
export function parseJsonObject(text: string, what: string): Parsed {
  const parsed = parseJson(text.trim() === "" ? "{}" : text);
  if (!parsed.ok) return { ok: false, error: `${what} is not valid JSON: ${parsed.error}` };
  if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value))
    return { ok: false, error: `${what} must be a JSON object ({ … }).` };
  return parsed;
}
