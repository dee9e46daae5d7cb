// CSV import with a per-row report: the header names the columns (contact-csv.ts); valid rows are
// upserted by e-mail (upsert-contacts.ts, 1,000 per statement) and invalid ones listed with their
// line number and reasons. Unlike upsertContacts this is not all-or-nothing: a marketer fixes the
// few bad rows of a 20,000-row export and imports those again.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import {
  attributeValue,
  type ContactCsvColumn,
  columnKey,
  isKnownColumn,
  splitTags,
  unescapeCell,
} from "./contact-csv.ts";
import { CONSENT_STATUSES, type ConsentStatusValue, MAX_CONTACT_BATCH, Tags } from "./contact-inputs.ts";
import { recordContactChanges } from "./record-contact-changes.ts";
import { UpsertContactRow, upsertContactRows } from "./upsert-contacts.ts";

const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** Rows listed in the report; the count of invalid rows is always complete. */
export const MAX_REPORTED_ROWS = 1_000;

export const ImportContactsInput = z.object({
  csv: z.string().min(1, "The file is empty."),
  /** Added to every imported contact (e.g. "webinar-2026"). */
  tags: Tags.default([]),
  /** E-mail marketing consent for rows without a consent_email cell; never overrides a decision. */
  consent: z.enum(CONSENT_STATUSES).optional(),
});
export type ImportContactsInput = z.input<typeof ImportContactsInput>;

export interface ImportRowError {
  /** The line of the file (the header is line 1). */
  row: number;
  reasons: string[];
}

export interface ContactImportReport {
  /** New contacts. */
  imported: number;
  /** Existing contacts (by e-mail) updated, deleted ones restored. */
  updated: number;
  invalid: number;
  rows: ImportRowError[];
}

const CONSENT_WORDS: Record<string, ConsentStatusValue> = {
  granted: "granted",
  yes: "granted",
  true: "granted",
  "1": "granted",
  opt_in: "granted",
  denied: "denied",
  no: "denied",
  false: "denied",
  "0": "denied",
  opt_out: "denied",
  pending: "pending",
};

/** The input field a known column fills (tags and consent_email are read apart). */
const FIELD_OF_COLUMN: Partial<Record<ContactCsvColumn, string>> = {
  email: "email",
  phone: "phone",
  first_name: "firstName",
  last_name: "lastName",
  time_zone: "timeZone",
  external_id: "externalId",
};
const COLUMN_OF_FIELD: Record<string, string> = {
  email: "email",
  phone: "phone",
  firstName: "first_name",
  lastName: "last_name",
  timeZone: "time_zone",
  tags: "tags",
  externalId: "external_id",
  emailConsent: "consent_email",
  attributes: "attributes",
};

interface ParsedFile {
  header: string[];
  records: { line: number; cells: string[] }[];
  broken: ImportRowError[];
}

function parseFile(csv: string): ParsedFile {
  const broken: ImportRowError[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        broken.push({
          row: Number(error?.lines ?? 0),
          reasons: [`Malformed CSV: ${error?.message ?? "unreadable row"}`],
        });
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return fail("INVALID", `The file is not readable CSV: ${(error as Error).message}`, "csv");
  }
  const [head, ...rest] = records;
  if (!head) return fail("INVALID", "The file has no header row.", "csv");
  return {
    header: head.record.map(columnKey),
    records: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
    broken,
  };
}

export async function importContacts(
  ctx: OperationContext,
  raw: ImportContactsInput,
): Promise<ContactImportReport> {
  authorize(ctx, "contacts:write");
  const input = parseInput(ImportContactsInput, raw);
  if (Buffer.byteLength(input.csv) > MAX_IMPORT_BYTES) {
    fail("TOO_MANY", `A file may have at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`, "csv");
  }
  const file = parseFile(input.csv);
  const { header } = file;
  if (!header.includes("email"))
    fail("INVALID", "The file needs an email column (contacts are matched by e-mail).", "csv");
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "") fail("INVALID", "Every column needs a name in the header row.", "csv");
    if (seen.has(h)) fail("INVALID", `The column ${h} appears twice.`, "csv");
    if (!isKnownColumn(h) && !ATTRIBUTE_KEY.test(h)) {
      fail("INVALID", `Column "${h}": attribute names use letters, digits, _ . or - (at most 64).`, "csv");
    }
    seen.add(h);
  }
  if (file.records.length + file.broken.length > MAX_IMPORT_ROWS) {
    fail(
      "TOO_MANY",
      `A file may have at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it.`,
      "csv",
    );
  }

  const invalid: ImportRowError[] = [...file.broken];
  const valid: UpsertContactRow[] = [];
  for (const { line, cells } of file.records) {
    if (cells.length !== header.length) {
      invalid.push({ row: line, reasons: [`Expected ${header.length} columns, found ${cells.length}.`] });
      continue;
    }
    const reasons: string[] = [];
    const row: Record<string, unknown> = { tags: [...input.tags], attributes: {} };
    const attributes: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const cell = unescapeCell(cells[i] ?? "");
      if (cell === "") return;
      if (!isKnownColumn(column)) attributes[column] = attributeValue(cell);
      else if (column === "tags") row.tags = [...input.tags, ...splitTags(cell)];
      else if (column === "consent_email") {
        const status = CONSENT_WORDS[cell.toLowerCase()];
        if (status) row.emailConsent = status;
        else reasons.push(`consent_email: use granted, denied or pending (found "${cell}").`);
      } else {
        row[FIELD_OF_COLUMN[column]!] = cell;
      }
    });
    row.attributes = attributes;
    if (row.emailConsent === undefined && input.consent) row.emailConsent = input.consent;
    const result = UpsertContactRow.safeParse(row);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [first, ...rest] = issue.path.map(String);
        const column =
          first === "attributes" && rest.length > 0
            ? rest.join(".")
            : (COLUMN_OF_FIELD[first ?? ""] ?? first);
        reasons.push(column ? `${column}: ${issue.message}` : issue.message);
      }
    }
    if (reasons.length > 0) invalid.push({ row: line, reasons });
    else if (result.success) valid.push(result.data);
  }

  let imported = 0;
  let updated = 0;
  // The same e-mail twice in the file: the later row wins, across batches too.
  const last = new Map<string, UpsertContactRow>();
  for (const row of valid) {
    last.delete(row.email);
    last.set(row.email, row);
  }
  const unique = [...last.values()];
  for (let start = 0; start < unique.length; start += MAX_CONTACT_BATCH) {
    const batch = unique.slice(start, start + MAX_CONTACT_BATCH);
    const result = await upsertContactRows(ctx, batch, { source: "import" });
    imported += result.created;
    updated += result.updated;
    await recordContactChanges(
      ctx,
      "contact.imported",
      result.contacts.map((c) => ({ id: c.id, after: c })),
    );
  }
  invalid.sort((a, b) => a.row - b.row);
  return { imported, updated, invalid: invalid.length, rows: invalid.slice(0, MAX_REPORTED_ROWS) };
}
