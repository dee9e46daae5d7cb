const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const TOKENS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const SIGNED_TOKENS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0, signDisplay: "exceptZero" });
const PERCENT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

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
