// The CSV shape of contacts, shared by import and export so that an exported file imports back
// unchanged: known columns, everything else an attribute, tags separated by ";" (or "|").
// Cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) are written
// with a leading apostrophe (OWASP "CSV injection"), which import takes off again.

/** The columns a contact file may name; any other column is an attribute. */
export const CONTACT_CSV_COLUMNS = [
  "email",
  "phone",
  "first_name",
  "last_name",
  "time_zone",
  "tags",
  "consent_email",
  "external_id",
] as const;
export type ContactCsvColumn = (typeof CONTACT_CSV_COLUMNS)[number];

const ALIASES: Record<string, ContactCsvColumn> = {
  e_mail: "email",
  email_address: "email",
  phone_number: "phone",
  mobile: "phone",
  firstname: "first_name",
  lastname: "last_name",
  timezone: "time_zone",
  tz: "time_zone",
  tag: "tags",
  email_consent: "consent_email",
  externalid: "external_id",
};

/** A header as typed ("First Name", "E-mail") to the key it stands for ("first_name", "email"). */
export function normalizeHeader(header: string): string {
  const key = header
    .trim()
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace(/[^a-z0-9_.]/g, "");
  return ALIASES[key] ?? key;
}

export const isKnownColumn = (key: string): key is ContactCsvColumn =>
  (CONTACT_CSV_COLUMNS as readonly string[]).includes(key);

/** The key a header stands for: a known column, or else an attribute named as typed (spaces
 * become _), so attribute names keep their case through an export and import. */
export function columnKey(header: string): string {
  const normalized = normalizeHeader(header);
  return isKnownColumn(normalized)
    ? normalized
    : header
        .replace(/^\uFEFF/, "")
        .trim()
        .replace(/\s+/g, "_");
}

export const splitTags = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

const FORMULA = /^[=+\-@\t\r]/;

/** Takes off the apostrophe export put before a formula-like cell. */
export const unescapeCell = (cell: string): string =>
  cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;

/** An attribute cell's value: integers and decimals as numbers (not "007" or long digit runs,
 * which are codes), true/false as booleans, anything else as text. */
export function attributeValue(cell: string): string | number | boolean {
  if (/^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/.test(cell)) return Number(cell);
  if (cell === "true" || cell === "false") return cell === "true";
  return cell;
}

/** One CSV cell, RFC 4180 quoted when needed, formula-like content neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text =
    typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(",");
