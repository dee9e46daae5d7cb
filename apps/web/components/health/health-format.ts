// How the Database health page prints its figures: bytes human-readable, ratios as percentages,
// durations in the largest sensible unit, and a check's thresholds in the direction they apply.
import type { HealthCheck } from "@/app/admin/health/health-operations";
import { formatBytes } from "@/components/ui/format";

export { formatBytes };

type BadgeTone = "neutral" | "success" | "warning" | "danger";

const COUNT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 2 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : COUNT.format(value);
}

/** 0.9987 → "99.87%". */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : PERCENT.format(value);
}

/** 0.4 → "0.4 ms", 1234 → "1.2 s". */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value < 1_000) return `${value < 10 ? DECIMAL.format(value) : COUNT.format(value)} ms`;
  return formatSeconds(value / 1_000);
}

/** 42 → "42 s", 600 → "10 min", 3900 → "1 h 5 min", 200000 → "2 d 7 h". */
export function formatSeconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value < 60) return `${DECIMAL.format(value)} s`;
  const minutes = Math.floor(value / 60);
  if (minutes < 60) return withRest(minutes, "min", Math.floor(value % 60), "s");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return withRest(hours, "h", minutes % 60, "min");
  return withRest(Math.floor(hours / 24), "d", hours % 24, "h");
}

function withRest(whole: number, unit: string, rest: number, restUnit: string): string {
  return rest ? `${whole} ${unit} ${rest} ${restUnit}` : `${whole} ${unit}`;
}

export function formatCheckValue(value: number | null, unit: HealthCheck["unit"]): string {
  if (value === null) return "—";
  switch (unit) {
    case "BYTES":
      return formatBytes(value);
    case "RATIO":
      return formatRatio(value);
    case "SECONDS":
      return formatSeconds(value);
    case "MS":
      return formatMs(value);
    case "TRANSACTIONS":
      return `${formatCount(value)} transactions`;
    default:
      return formatCount(value);
  }
}

/** "warn ≥ 70% · fail ≥ 90%"; "≤" where a lower value is worse (cache hit ratio). */
export function thresholdText(check: Pick<HealthCheck, "warnAt" | "failAt" | "unit" | "direction">): string {
  const sign = check.direction === "BELOW" ? "≤" : "≥";
  const parts: string[] = [];
  if (check.warnAt !== null) parts.push(`warn ${sign} ${formatCheckValue(check.warnAt, check.unit)}`);
  if (check.failAt !== null) parts.push(`fail ${sign} ${formatCheckValue(check.failAt, check.unit)}`);
  return parts.join(" · ");
}

const CHECK_LABELS: Record<HealthCheck["status"], string> = {
  PASS: "Pass",
  WARN: "Warn",
  FAIL: "Fail",
  SKIP: "Skipped",
};

const CHECK_TONES: Record<HealthCheck["status"], BadgeTone> = {
  PASS: "success",
  WARN: "warning",
  FAIL: "danger",
  SKIP: "neutral",
};

export function checkStatusLabel(status: HealthCheck["status"]): string {
  return CHECK_LABELS[status];
}

export function checkStatusTone(status: HealthCheck["status"]): BadgeTone {
  return CHECK_TONES[status];
}

const CHECK_ORDER: Record<HealthCheck["status"], number> = { FAIL: 0, WARN: 1, PASS: 2, SKIP: 3 };

/** Failing first, then warnings, passes, and the checks that do not apply; the API's order within. */
export function checksWorstFirst<T extends Pick<HealthCheck, "status">>(checks: readonly T[]): T[] {
  return [...checks].sort((a, b) => CHECK_ORDER[a.status] - CHECK_ORDER[b.status]);
}

/** The time of a sample on the charts' axis: the hour for a day or less, the day and hour beyond. */
export function sampleTimeLabel(iso: string, hours: number): string {
  const date = new Date(iso);
  return hours <= 24
    ? date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** "12:04:31": the clock time of the last refresh. */
export function formatClockTime(date: Date): string {
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
