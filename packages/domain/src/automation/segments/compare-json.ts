// Comparisons on a jsonb value (a contact attribute, an event's payload key), as SQL that can
// neither fail nor be unknown on any stored data.
//
// Attributes are whatever integrators sent, so the same key can hold a number on one contact,
// "42" on another and {"a": 1} on a third. Nothing here casts a value without first checking what
// it is (jsonb_typeof, and a pattern for numbers and dates written as strings); the checks sit in
// CASE, whose branches PostgreSQL evaluates in order, never in AND, whose operands it may reorder.
// A value of the wrong kind simply does not match.
//
// Two-valued: every predicate here is true or false, never null (a missing key is false, wrapped
// in coalesce). NOT over it is then plain negation, which is what marketers mean: NOT (age > 30)
// includes the contacts with no age. The negative operators are the exact negations of their
// positive twins: neq = NOT eq, not_contains = NOT contains, not_in = NOT in, not_exists = NOT exists.
import { type SQL, sql } from "drizzle-orm";
import type { Comparison } from "./conditions.ts";

export type Compared = string | number | boolean | (string | number | boolean)[] | undefined;

/** Integers and decimals, optionally signed, as strings (CSV imports store numbers this way). */
const NUMERIC_TEXT = "^\\s*[-+]?[0-9]+(\\.[0-9]+)?\\s*$";
/** A calendar date at the start of the string: "2025-03-01", "2025-03-01T10:00:00Z". */
export const DATE_TEXT = "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
const DATE_ONLY = /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a string is a real calendar date YYYY-MM-DD (not 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A key of a jsonb object (contacts.attributes, an event's payload): the value as jsonb and as text
 * (`->>`: a string unquoted, a number or boolean as written, JSON null as SQL null; an object or
 * list as its JSON text, which no plain value a marketer types equals). Text comparisons read the
 * text form, which costs one lookup instead of a type check and a lookup.
 */
export interface JsonKey {
  json: SQL;
  text: SQL;
}

export const jsonKey = (container: SQL, key: string): JsonKey => ({
  json: sql`(${container} -> ${key})`,
  text: sql`(${container} ->> ${key})`,
});

/** The value as a number: a JSON number, or a string holding one; null otherwise. */
export const numericOf = (v: JsonKey) =>
  sql`(case jsonb_typeof(${v.json}) when 'number' then (${v.json})::numeric
            when 'string' then (case when ${v.text} ~ ${NUMERIC_TEXT} then ${v.text}::numeric end) end)`;

/**
 * A text's leading calendar date, or null. The date is assembled from its checked parts by
 * arithmetic (the first of the month plus days), which cannot fail; a day past the month's end
 * (2025-02-30) rolls into the next month and is then refused by comparing the day back.
 */
export const dateOfText = (text: SQL) =>
  sql`(case when ${text} ~ ${DATE_TEXT} then (
         select case when extract(day from d) = substr(${text}, 9, 2)::int then d end
           from (select make_date(substr(${text}, 1, 4)::int, substr(${text}, 6, 2)::int, 1)
                        + (substr(${text}, 9, 2)::int - 1) as d) parts) end)`;

/** The value as a date, if it is a string starting with a calendar date (nothing else matches
 * the pattern: a number's text has no dashes, an object's starts with a brace). */
export const dateOf = (v: JsonKey) => dateOfText(v.text);

/** LIKE pattern characters taken literally (backslash is LIKE's default escape character). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

const truthy = (predicate: SQL) => sql`coalesce(${predicate}, false)`;
const not = (predicate: SQL) => sql`(not ${predicate})`;
const list = (value: Compared) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Equality: numbers numerically, everything else by its text, ignoring case. */
function equals(v: JsonKey, value: string | number | boolean): SQL {
  if (typeof value === "number") return truthy(sql`${numericOf(v)} = ${value}`);
  return truthy(sql`lower(${v.text}) = ${String(value).toLowerCase()}`);
}

function containsText(v: JsonKey, text: string): SQL {
  const needle = text.toLowerCase();
  // On a list attribute (["ski", "golf"]) contains means "has this element", ignoring case; an
  // object contains nothing.
  return truthy(sql`(case jsonb_typeof(${v.json})
    when 'array' then exists (select 1 from jsonb_array_elements_text(${v.json}) e where lower(e) = ${needle})
    when 'object' then false
    else lower(${v.text}) like ${`%${escapeLike(needle)}%`} end)`);
}

function ordered(v: JsonKey, op: "gt" | "gte" | "lt" | "lte", value: string | number | boolean): SQL {
  const sign = sql.raw({ gt: ">", gte: ">=", lt: "<", lte: "<=" }[op]);
  // A date string compares as a date (validation only lets numbers and dates through).
  if (typeof value === "string") return truthy(sql`${dateOf(v)} ${sign} ${value}::date`);
  return truthy(sql`${numericOf(v)} ${sign} ${Number(value)}`);
}

/** The predicate `v op value`; the value's shape was checked by conditionProblems. */
export function compareJson(v: JsonKey, op: Comparison, value: Compared): SQL {
  const [first] = list(value);
  switch (op) {
    case "exists":
      // ->> gives SQL null for a missing key and for JSON null; an empty string does not count.
      return truthy(sql`${v.text} <> ''`);
    case "not_exists":
      return not(compareJson(v, "exists", undefined));
    case "eq":
      return equals(v, first ?? "");
    case "neq":
      return not(equals(v, first ?? ""));
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return ordered(v, op, first ?? 0);
    case "contains":
      return containsText(v, String(first ?? ""));
    case "not_contains":
      return not(containsText(v, String(first ?? "")));
    case "starts_with":
      return truthy(sql`lower(${v.text}) like ${`${escapeLike(String(first ?? "").toLowerCase())}%`}`);
    case "in":
    case "not_in": {
      const values = list(value);
      const texts = values.map((x) => String(x).toLowerCase());
      const numbers = values.filter((x): x is number => typeof x === "number");
      const any = truthy(
        numbers.length > 0
          ? sql`(lower(${v.text}) = any(${sql.param(texts)}::text[])
                 or ${numericOf(v)} = any(${sql.param(numbers)}::numeric[]))`
          : sql`lower(${v.text}) = any(${sql.param(texts)}::text[])`,
      );
      return op === "in" ? any : not(any);
    }
  }
}
