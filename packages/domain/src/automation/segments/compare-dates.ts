// Dates on the contact's own calendar. "Today" is the date the contact's clock shows (contacts
// .time_zone), so a birthday campaign at 09:00 UTC greets a Tokyo contact on the right day.
//
// A time zone name PostgreSQL does not know would make `at time zone` fail the whole query; such a
// contact (bad data: the contacts API validates zones) is evaluated in UTC instead. The list of
// known zones is read once per query (an uncorrelated sub-select, hashed).
import { type SQL, sql } from "drizzle-orm";
import { DATE_TEXT, dateOf, jsonKey } from "./compare-json.ts";
import type { Comparison, DateOperator } from "./conditions.ts";

/** The contact's time zone, or UTC when it is not one PostgreSQL knows. */
export const contactZone = sql`(case when c.time_zone in (select name from pg_timezone_names) then c.time_zone else 'UTC' end)`;

/** Today's date for the contact, at `now`. */
export const localToday = (now: SQL) => sql`((${now}) at time zone ${contactZone})::date`;

/** When the contact was created, as a date on its own calendar. */
const createdOn = sql`(c.created_at at time zone ${contactZone})::date`;

/** An ISO date-time with a time part ("2025-03-01T10:00:00Z"), compared as an instant. */
export const isInstant = (value: string) =>
  new RegExp(`${DATE_TEXT}T`).test(value) && !Number.isNaN(Date.parse(value));

const SIGNS = { eq: "=", neq: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
export const TIME_COMPARISONS = Object.keys(SIGNS) as (keyof typeof SIGNS)[];

/**
 * created_at compared with a value: an instant when the value has a time part, else a date on the
 * contact's calendar ("created before 2025-03-01" in the contact's zone).
 */
export function compareCreatedAt(op: Comparison, value: string): SQL {
  if (op === "exists") return sql`true`;
  if (op === "not_exists") return sql`false`;
  const sign = sql.raw(SIGNS[op as keyof typeof SIGNS]);
  return isInstant(value)
    ? sql`c.created_at ${sign} ${new Date(value).toISOString()}::timestamptz`
    : sql`${createdOn} ${sign} ${value}::date`;
}

/** The next anniversary of `d` on or after `today` (29 February falls on the 28th otherwise). */
const nextAnniversary = (d: SQL, today: SQL) => {
  const years = sql`(extract(year from ${today})::int - extract(year from ${d})::int)`;
  const thisYear = sql`(${d} + make_interval(years => ${years}))::date`;
  return sql`(case when ${thisYear} >= ${today} then ${thisYear}
                   else (${d} + make_interval(years => ${years} + 1))::date end)`;
};

/** The date condition's predicate; the value's shape was checked by conditionProblems. */
export function compareDate(
  subject: { attribute?: string; field?: "created_at" },
  op: DateOperator,
  value: string | number | undefined,
  now: SQL,
): SQL {
  const d = subject.attribute ? dateOf(jsonKey(sql`c.attributes`, subject.attribute)) : createdOn;
  const today = localToday(now);
  const days = Number(value ?? 0);
  let predicate: SQL;
  switch (op) {
    case "is_today":
      predicate = sql`${d} = ${today}`;
      break;
    case "on":
      predicate = sql`${d} = ${String(value)}::date`;
      break;
    case "before":
      predicate = sql`${d} < ${String(value)}::date`;
      break;
    case "after":
      predicate = sql`${d} > ${String(value)}::date`;
      break;
    case "within_last_days":
      predicate = sql`${d} between ${today} - ${days}::int and ${today}`;
      break;
    case "within_next_days":
      predicate = sql`${d} between ${today} and ${today} + ${days}::int`;
      break;
    case "more_than_days_ago":
      predicate = sql`${d} < ${today} - ${days}::int`;
      break;
    case "anniversary_today":
      predicate = sql`${nextAnniversary(d, today)} = ${today}`;
      break;
    case "anniversary_within_next_days":
      predicate = sql`${nextAnniversary(d, today)} <= ${today} + ${days}::int`;
      break;
  }
  // A contact without that date (or with something else in the attribute) does not match.
  return sql`coalesce(${predicate}, false)`;
}
