// When a wait ends, in the contact's own time: "3 days", "the next 09:00 on a weekday", the end of
// the journey's quiet hours. Pure functions of `now` (the injected clock) and an IANA zone, so the
// executor and its tests agree on every boundary (DST days included: luxon resolves a local time
// that does not exist, 02:30 on a spring-forward night, to the next valid instant).
import { DateTime } from "luxon";

export interface Duration {
  amount: number;
  unit: "minutes" | "hours" | "days";
}

/** The contact's zone if luxon knows it, else UTC (a bad zone must not stall a journey). */
export function contactZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  return DateTime.now().setZone(zone).isValid ? zone : "UTC";
}

/** `now` plus a duration. Days are calendar days in the contact's zone (a day across a DST change
 * is 23 or 25 hours), minutes and hours are exact. */
export function afterDuration(now: Date, duration: Duration, zone = "UTC"): Date {
  const start = DateTime.fromJSDate(now, { zone: contactZone(zone) });
  return start.plus({ [duration.unit]: duration.amount }).toJSDate();
}

const parseTime = (time: string): { hour: number; minute: number } => {
  const [hour, minute] = time.split(":").map(Number);
  return { hour: hour!, minute: minute! };
};

/**
 * The first instant strictly after `now` at which the contact's clock shows `time` ("09:00"), on
 * one of `weekdays` (ISO: 1 = Monday … 7 = Sunday; empty: any day).
 */
export function nextTimeOfDay(now: Date, zone: string, time: string, weekdays: readonly number[] = []): Date {
  const local = DateTime.fromJSDate(now, { zone: contactZone(zone) });
  const { hour, minute } = parseTime(time);
  // Eight days cover "today is too late" plus a full week of weekday filtering.
  for (let day = 0; day <= 8; day++) {
    const candidate = local
      .startOf("day")
      .plus({ days: day })
      .set({ hour, minute, second: 0, millisecond: 0 });
    if (candidate <= local) continue;
    if (weekdays.length > 0 && !weekdays.includes(candidate.weekday)) continue;
    return candidate.toJSDate();
  }
  // Unreachable with valid weekdays (1–7); a defensive fallback rather than an endless wait.
  return local.plus({ days: 1 }).toJSDate();
}

/**
 * When the quiet hours the contact is in now end, or null when `now` is outside them. Quiet hours
 * may span midnight (21:00–08:00); start equal to end means none.
 */
export function quietHoursEnd(
  now: Date,
  zone: string,
  quiet: { start: string; end: string } | null,
): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const local = DateTime.fromJSDate(now, { zone: contactZone(zone) });
  const minutes = local.hour * 60 + local.minute;
  const toMinutes = (t: string) => {
    const { hour, minute } = parseTime(t);
    return hour * 60 + minute;
  };
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  return inside ? nextTimeOfDay(now, zone, quiet.end) : null;
}
