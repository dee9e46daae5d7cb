// Wall-clock times in an IANA time zone ("2026-05-04T09:00" in Europe/Rome) and the UTC instants
// the API stores. A campaign is planned in its own zone, whatever the browser's zone is, so the
// conversion cannot rely on `new Date("…T09:00")` (that is the browser's zone).

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = partsFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const c = wallClock(instant, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-05-04T09:00" in `timeZone` → the UTC ISO instant; null when the text is not such a time.
 * A time skipped by a DST change (02:30 on a spring-forward night) lands just after the gap.
 */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match || !isTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - offsetAt(guess, timeZone);
  // The offset at the guess may differ from the offset at the answer near a DST change: one more step.
  const second = guess - offsetAt(first, timeZone);
  return new Date(second).toISOString();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A UTC ISO instant → "2026-05-04T09:00" on the wall clock of `timeZone` (for datetime-local inputs). */
export function utcToZoned(iso: string, timeZone: string): string {
  const c = wallClock(new Date(iso).getTime(), isTimeZone(timeZone) ? timeZone : "UTC");
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/** "4 May 2026, 09:00" as the wall clock of `timeZone` shows it. */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "—";
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  let format = displayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone });
    displayFormats.set(zone, format);
  }
  return format.format(new Date(iso));
}

/** Every IANA zone the browser knows, with UTC first (some engines leave it out of the list). */
export function timeZoneNames(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/** The browser's own zone, a sensible default for a new plan. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
