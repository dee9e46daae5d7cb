// Merge variables: {{ name }} in a subject or body, replaced by a value. Rendering to HTML escapes
// the template's own text as well as every value, so markup or script typed into a template or
// carried by a contact's data is shown as text, never run. A variable that is neither supplied nor
// declared with a default is reported, never silently left blank.
export const VARIABLE_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

export interface TemplateVariable {
  name: string;
  defaultValue: string | null;
}

export interface RenderResult {
  text: string;
  html: string;
  /** Variables used in the template with no value and no default. */
  unknown: string[];
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The variable names a template uses, in order of first use. */
export function variablesIn(...templates: string[]): string[] {
  const names = new Set<string>();
  for (const t of templates) for (const m of t.matchAll(VARIABLE_PATTERN)) names.add(m[1]!);
  return [...names];
}

function lookUp(
  name: string,
  values: Readonly<Record<string, string>>,
  declared: readonly TemplateVariable[],
) {
  if (Object.hasOwn(values, name)) return values[name]!;
  return declared.find((v) => v.name === name)?.defaultValue ?? null;
}

/** Renders a template; `html` is paragraphs of escaped text (blank line = new paragraph). */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  declared: readonly TemplateVariable[] = [],
): RenderResult {
  const unknown = variablesIn(template).filter((name) => lookUp(name, values, declared) === null);
  const fill = (encode: (s: string) => string) =>
    template
      .split(VARIABLE_PATTERN)
      // split with one capture group alternates text, name, text, name, …
      .map((part, i) => (i % 2 === 0 ? encode(part) : encode(lookUp(part, values, declared) ?? "")))
      .join("");
  const text = fill((s) => s);
  const html = fill(escapeHtml)
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return { text, html, unknown };
}
