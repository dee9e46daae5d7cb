const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const TOKENS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const SIGNED_TOKENS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0, signDisplay: "exceptZero" });
const PERCENT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const BYTE_COUNT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const BYTE_DECIMAL = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : "—";
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? DATE.format(new Date(iso)) : "—";
}

/** 12500 → "12,500". */
export function formatTokens(amount: number): string {
  return TOKENS.format(amount);
}

/** Ledger amounts with their sign: "+500", "−1,200". */
export function formatSignedTokens(amount: number): string {
  return SIGNED_TOKENS.format(amount);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { style: "currency", currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** Money arrives in minor units (cents); the currency says how many digits a major unit has. */
export function formatMoney(minor: number, currency: string): string {
  const format = moneyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** Markups are stored in basis points: 2000 → "20 %". */
export function formatBasisPoints(bps: number): string {
  return `${PERCENT.format(bps / 100)} %`;
}

/** 1536 → "1.5 KB" (binary multiples, as pg_size_pretty and file managers). */
export function formatBytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  let amount = Math.abs(value);
  let unit = 0;
  while (amount >= 1024 && unit < BYTE_UNITS.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return `${value < 0 ? "−" : ""}${unit === 0 ? BYTE_COUNT.format(amount) : BYTE_DECIMAL.format(amount)} ${BYTE_UNITS[unit]}`;
}
