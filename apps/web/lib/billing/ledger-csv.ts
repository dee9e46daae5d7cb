// The ledger as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break, quotes doubled. Built in the browser from the API's pages.

export type LedgerCsvEntry = {
  seq: number;
  createdAt: string;
  type: string;
  amount: number;
  balanceAfter: number;
  serviceCode: string | null;
  units: number | null;
  description: string;
};

export const LEDGER_CSV_COLUMNS = [
  "Seq",
  "Date",
  "Type",
  "Amount",
  "Balance after",
  "Service",
  "Units",
  "Description",
] as const;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Free text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text. */
function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function ledgerCsv(entries: readonly LedgerCsvEntry[]): string {
  const lines = [LEDGER_CSV_COLUMNS.map(csvField).join(",")];
  for (const entry of entries) {
    lines.push(
      [
        entry.seq,
        entry.createdAt,
        // The ledger's own spelling (purchase, transfer_in…), as stored and as accounting tools expect.
        entry.type.toLowerCase(),
        entry.amount,
        entry.balanceAfter,
        entry.serviceCode,
        entry.units,
        inertText(entry.description),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Hands the text to the browser as a file download. */
export function downloadTextFile(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
