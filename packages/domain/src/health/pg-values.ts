// Values as the driver hands them over: bigint and numeric columns arrive as strings (they may not
// fit a double), timestamptz as strings (drizzle's postgres.js driver turns the date parsers off).

export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null | undefined): Date | null;
export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}

export function toNumber(value: string | number): number;
export function toNumber(value: string | number | null | undefined): number | null;
export function toNumber(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
