// Times on the calendar. The API stores instants (UTC) with the IANA zone a post was planned in;
// the calendar shows them in the zone the viewer chose, whatever the browser's own zone is, so
// nothing here uses the browser's zone (no `new Date("…T09:00")`).
import { DateTime } from "luxon";

/** An instant's day and time of day on the wall clock of `zone`: {date: "2026-11-25", time: "09:00"}. */
export function wallClockOf(iso: string, zone: string): { date: string; time: string } {
  const at = DateTime.fromISO(iso, { zone });
  return { date: at.toISODate() ?? "", time: at.toFormat("HH:mm") };
}

/** "2026-11-25" + "09:00" on the wall clock of `zone` → the UTC instant; null when not a real time. */
export function instantOf(date: string, time: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = DateTime.fromISO(`${date}T${time}`, { zone });
  return at.isValid ? at.toUTC().toISO() : null;
}

/** "09:00": the time of day the event shows. */
export function timeOfDay(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("HH:mm");
}

/** "Tue 25 Nov 2026, 09:00". */
export function dayAndTime(iso: string | null | undefined, zone: string): string {
  if (!iso) return "—";
  return DateTime.fromISO(iso, { zone }).setLocale("en-GB").toFormat("ccc d LLL yyyy, HH:mm");
}

/** The calendar day `iso` falls on in `zone`. */
export function dayOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toISODate() ?? "";
}

/**
 * The day a post lands on, in its own zone, when it is dragged from `fromIso` to `to` on a
 * calendar shown in `viewZone`: the drag moves it by whole days there, and the same number of
 * days in the post's zone (the API then keeps its time of day in that zone).
 */
export function droppedDay(fromIso: string, to: Date, viewZone: string, postZone: string): string {
  const before = DateTime.fromISO(fromIso, { zone: viewZone }).startOf("day");
  const after = DateTime.fromJSDate(to, { zone: viewZone }).startOf("day");
  const days = Math.round(after.diff(before, "days").days);
  return DateTime.fromISO(fromIso, { zone: postZone }).plus({ days }).toISODate() ?? "";
}

/** The browser's own zone: the fallback while the account's is loading. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
