// Merge variables as the console sees them while a template is typed: the same pattern the API
// renders with (packages/domain/src/content/render-template.ts), so "declare the variables used"
// declares exactly the names a save would otherwise refuse as UNKNOWN_VARIABLE.
const VARIABLE_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

/** A name the API accepts for a variable (letters, digits, _ and ., not starting with a digit or .). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** The variable names the texts use, in order of first use. */
export function variablesIn(...texts: string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(VARIABLE_PATTERN)) names.add(match[1]!);
  return [...names];
}

/** The names used in the texts that are not among the declared ones. */
export function undeclaredIn(texts: string[], declared: readonly string[]): string[] {
  const known = new Set(declared.map((name) => name.trim()));
  return variablesIn(...texts).filter((name) => !known.has(name));
}
