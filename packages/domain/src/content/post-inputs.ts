// What scheduling a post accepts, shared by schedule and reschedule: the IANA zone a post is
// planned in, the rule "never in the past", and which connector kinds carry which channels.
import type { schema } from "@markettina/db";
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { fail } from "../errors.ts";
import type { PostChannel } from "./channel-rules.ts";

export type ScheduledPostRow = typeof schema.scheduledPosts.$inferSelect;
export type ScheduledPostStatus = ScheduledPostRow["status"];
export type PostConnectorKind = (typeof schema.connectors.$inferSelect)["kind"];

export const SCHEDULED_POST_STATUSES = [
  "scheduled",
  "publishing",
  "published",
  "failed",
  "cancelled",
] as const;

/**
 * An IANA zone name ("Europe/Rome", or UTC), stored in its canonical spelling. Fixed offsets
 * ("+02:00") and abbreviations ("EST") are refused even where Intl accepts them: an offset cannot follow a DST change,
 * which is the point of remembering the zone ("9:00 local" stays 9:00 after the clocks move).
 */
export const PostTimeZone = z
  .string()
  .trim()
  .refine((tz) => /^(?:UTC|[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)$/.test(tz) && IANAZone.isValidZone(tz), {
    message: "Use an IANA time zone such as Europe/Rome.",
  })
  .transform((tz) => new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone);

/** A calendar day, as the calendar names it when a post is dragged to another day. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine((d) => DateTime.fromISO(d, { zone: "UTC" }).isValid, "This date does not exist.");

/**
 * Which connector kinds may carry which channels:
 * - smtp sends e-mail, so it carries the email channel only;
 * - webhook POSTs the post to a receiver, which may relay it anywhere: the webhook channel and any
 *   social or blog channel (linkedin, instagram, facebook, x, blog), but not email — e-mail goes
 *   through SMTP, where the recipients and the rendered message are known;
 * - log (the demo) writes a line to the server log and stands in for any channel.
 */
export const CHANNELS_BY_CONNECTOR_KIND: Record<PostConnectorKind, readonly PostChannel[]> = {
  smtp: ["email"],
  webhook: ["webhook", "linkedin", "instagram", "facebook", "x", "blog"],
  log: ["email", "linkedin", "instagram", "facebook", "x", "webhook", "blog"],
};

export const connectorCarries = (kind: PostConnectorKind, channel: PostChannel): boolean =>
  CHANNELS_BY_CONNECTOR_KIND[kind].includes(channel);

/** Refuses a time that is not strictly in the future (IN_THE_PAST on `field`). */
export function requireFutureTime(at: Date, field: string, now: Date = new Date()): void {
  if (at.getTime() <= now.getTime()) {
    fail("IN_THE_PAST", "Choose a time in the future: a post cannot be scheduled in the past.", field);
  }
}

/** The wall-clock time of `at` in `zone`, as ISO without offset ("2027-03-30T09:00:00"). */
export const localTimeIn = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISO({ includeOffset: false, suppressMilliseconds: true }) ?? "";

/**
 * The instant on `date` whose wall-clock time in `toZone` is the wall-clock time `at` has in
 * `fromZone`: a post at 09:00 Europe/Rome moved to another day is still at 09:00 there, whatever
 * the UTC offset of that day (08:00Z in winter, 07:00Z in summer). A time that the clocks skip on
 * the new day (02:30 on a spring-forward night) moves forward by the gap (03:30); a time that
 * happens twice (fall-back night) is the second of the two, in standard time (luxon's rule).
 */
export function moveToDate(at: Date, fromZone: string, date: string, toZone: string = fromZone): Date {
  const local = DateTime.fromJSDate(at, { zone: fromZone });
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const { hour, minute, second, millisecond } = local;
  return DateTime.fromObject(
    { year, month, day, hour, minute, second, millisecond },
    { zone: toZone },
  ).toJSDate();
}
