// A contact's attributes (a flat JSON object) as rows of key, type and text the form can edit, and
// back. The type is explicit so "01234" stays text and 42 stays a number when saved again.
import { z } from "zod";

export const ATTRIBUTE_TYPES = ["text", "number", "boolean"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = {
  text: "Text",
  number: "Number",
  boolean: "Yes/no",
};

/** The API's attribute key rule (a letter or _, then letters, digits, _ . -), at most 64. */
export const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

export const AttributeRow = z
  .object({
    key: z
      .string()
      .trim()
      .regex(ATTRIBUTE_KEY, "Start with a letter or _, then letters, digits, _ . or - (at most 64)."),
    type: z.enum(ATTRIBUTE_TYPES),
    value: z.string().max(2_000, "At most 2,000 characters."),
  })
  .superRefine((row, issue) => {
    if (parseAttributeValue(row) === undefined) {
      issue.addIssue({ code: "custom", path: ["value"], message: "Enter a number." });
    }
  });
export type AttributeRow = z.infer<typeof AttributeRow>;

/** The row's value as JSON; undefined when its text is not a value of its type. */
export function parseAttributeValue(row: { type: AttributeType; value: string }): unknown {
  switch (row.type) {
    case "text":
      return row.value;
    case "number": {
      const number = Number(row.value.trim());
      return row.value.trim() !== "" && Number.isFinite(number) ? number : undefined;
    }
    case "boolean":
      return row.value === "true";
  }
}

export function toAttributeRows(attributes: unknown): AttributeRow[] {
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) return [];
  return Object.entries(attributes as Record<string, unknown>).map(([key, value]) => {
    if (typeof value === "string") return { key, type: "text", value };
    if (typeof value === "number") return { key, type: "number", value: String(value) };
    if (typeof value === "boolean") return { key, type: "boolean", value: String(value) };
    // Attributes are flat (the API allows strings, numbers, booleans and null): null edits as "".
    return { key, type: "text", value: value === null || value === undefined ? "" : JSON.stringify(value) };
  });
}

export function toAttributes(rows: readonly AttributeRow[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const row of rows) attributes[row.key.trim()] = parseAttributeValue(row);
  return attributes;
}

/** A value as one line of text for tables and facts. */
export function formatAttributeValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return JSON.stringify(value);
}
