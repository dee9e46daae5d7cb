// When a schedule runs next: its cron expression read in its IANA time zone (cron-parser with
// `tz`), so "0 9 * * *" in Europe/Rome is 09:00 Rome time in winter and in summer alike. Pure.
//
// Across a DST change, cron-parser's rules (pinned by next-run-at.test.ts):
// - spring forward: a time that does not exist that night (02:30 when clocks jump 02:00 → 03:00)
//   runs once, an hour later by the wall clock (03:30), the same instant the skipped hour maps to;
// - fall back: a time that happens twice (01:30 in New York when clocks go 02:00 → 01:00) runs
//   once, at the first of the two.
import { CronExpressionParser } from "cron-parser";

export type ScheduleProblem = { field: "cron" | "timeZone"; message: string };

/** A known IANA zone ("Europe/Rome", "UTC"); Intl throws RangeError on anything else. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone.trim() || timeZone.length > 100) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a cron expression and zone, if anything. Five fields only (minute hour
 * day-of-month month day-of-week): schedules are run once a minute, so a seconds field would
 * promise what the scheduler cannot keep.
 */
export function scheduleProblems(cron: string, timeZone: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const zoneOk = isTimeZone(timeZone);
  if (!zoneOk)
    problems.push({
      field: "timeZone",
      message: `Unknown time zone "${timeZone}": use an IANA name such as Europe/Rome.`,
    });
  const fields = cron.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5 || cron.length > 200) {
    problems.push({
      field: "cron",
      message: "A cron expression has five fields: minute hour day-of-month month day-of-week.",
    });
  } else {
    try {
      const it = CronExpressionParser.parse(cron, { tz: zoneOk ? timeZone : "UTC" });
      it.next();
    } catch (error) {
      problems.push({ field: "cron", message: `Invalid cron expression: ${(error as Error).message}` });
    }
  }
  return problems;
}

/** The first run strictly after `after` (validate with scheduleProblems first: throws otherwise). */
export function nextRunAt(cron: string, timeZone: string, after: Date): Date {
  const it = CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone });
  const next = it.next().toDate();
  // cron-parser starts from the minute of `currentDate`; guard the "strictly after" promise.
  return next.getTime() > after.getTime() ? next : it.next().toDate();
}

/**
 * The run times in (`from` − 1 ms, `until`]: `from` itself when it is a run time (it is: it
 * was computed as one), then each following one up to `until`. At most `limit`; `count` is how
 * many there are (counted up to `countLimit`, beyond which it stops counting: a minutely job off
 * for a year need not be walked run by run).
 */
export function runsBetween(
  cron: string,
  timeZone: string,
  from: Date,
  until: Date,
  countLimit = 10_000,
): { latest: Date | null; count: number } {
  let latest: Date | null = null;
  let count = 0;
  let cursor = new Date(from.getTime() - 1);
  while (count < countLimit) {
    const next = nextRunAt(cron, timeZone, cursor);
    if (next.getTime() > until.getTime()) break;
    latest = next;
    count += 1;
    cursor = next;
  }
  if (count >= countLimit) {
    // Too many to walk: the latest due is the run before the next one after `until`.
    const it = CronExpressionParser.parse(cron, { currentDate: new Date(until.getTime() + 1), tz: timeZone });
    latest = it.prev().toDate();
  }
  return { latest, count };
}
