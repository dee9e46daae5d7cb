// When waits end, in the contact's zone: table-driven over zones, weekdays, midnight-spanning quiet
// hours and daylight-saving changes. Pure: no database.
import { describe, expect, it } from "vitest";
import { splitBranch, splitBucket } from "./split-bucket.ts";
import { afterDuration, contactZone, nextTimeOfDay, quietHoursEnd } from "./wait-times.ts";

const at = (iso: string) => new Date(iso);

describe("nextTimeOfDay", () => {
  it.each([
    // now (UTC), zone, time, weekdays, expected (UTC)
    ["2031-03-03T10:00:00Z", "Europe/Paris", "09:00", [], "2031-03-04T08:00:00.000Z"], // 11:00 CET → tomorrow
    ["2031-03-03T10:00:00Z", "America/New_York", "09:00", [], "2031-03-03T14:00:00.000Z"], // 05:00 EST → today
    ["2031-03-03T14:00:00Z", "America/New_York", "09:00", [], "2031-03-04T14:00:00.000Z"], // exactly 09:00 → next day
    ["2031-03-03T10:00:00Z", "Asia/Tokyo", "09:00", [6], "2031-03-08T00:00:00.000Z"], // Monday → Saturday
    ["2031-03-03T10:00:00Z", "UTC", "09:00", [1], "2031-03-10T09:00:00.000Z"], // Monday 10:00 → next Monday
    // Spring forward in New York (2031-03-09): 09:00 is then EDT (UTC−4).
    ["2031-03-08T20:00:00Z", "America/New_York", "09:00", [], "2031-03-09T13:00:00.000Z"],
    // 02:30 does not exist that night: the next valid instant (03:30 EDT) is used.
    ["2031-03-09T05:00:00Z", "America/New_York", "02:30", [], "2031-03-09T07:30:00.000Z"],
  ])("from %s in %s, %s on %j → %s", (now, zone, time, weekdays, expected) => {
    expect(nextTimeOfDay(at(now), zone, time, weekdays).toISOString()).toBe(expected);
  });

  it("treats an unknown zone as UTC rather than stalling the journey", () => {
    expect(contactZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(nextTimeOfDay(at("2031-03-03T10:00:00Z"), "Mars/Olympus_Mons", "09:00").toISOString()).toBe(
      "2031-03-04T09:00:00.000Z",
    );
  });
});

describe("afterDuration", () => {
  it("adds calendar days in the contact's zone and exact hours", () => {
    // 2031-03-09 is 23 hours long in New York.
    const start = at("2031-03-08T15:00:00Z"); // 10:00 EST
    expect(afterDuration(start, { amount: 1, unit: "days" }, "America/New_York").toISOString()).toBe(
      "2031-03-09T14:00:00.000Z", // 10:00 EDT
    );
    expect(afterDuration(start, { amount: 24, unit: "hours" }, "America/New_York").toISOString()).toBe(
      "2031-03-09T15:00:00.000Z",
    );
    expect(afterDuration(start, { amount: 0, unit: "minutes" }).toISOString()).toBe(start.toISOString());
  });
});

describe("quietHoursEnd", () => {
  const night = { start: "21:00", end: "08:00" };
  it.each([
    ["2031-03-03T14:30:00Z", "Asia/Tokyo", night, "2031-03-03T23:00:00.000Z"], // 23:30 → 08:00 next day
    ["2031-03-03T22:30:00Z", "Asia/Tokyo", night, "2031-03-03T23:00:00.000Z"], // 07:30 → 08:00 same day
    ["2031-03-03T14:30:00Z", "Europe/London", night, null], // 14:30: not quiet
    ["2031-03-03T23:00:00Z", "Asia/Tokyo", night, null], // 08:00 exactly: quiet hours are over
    ["2031-03-03T12:30:00Z", "UTC", { start: "12:00", end: "13:00" }, "2031-03-03T13:00:00.000Z"],
    ["2031-03-03T12:30:00Z", "UTC", { start: "12:00", end: "12:00" }, null], // empty range: none
  ])("at %s in %s, %j → %s", (now, zone, quiet, expected) => {
    expect(quietHoursEnd(at(now), zone, quiet)?.toISOString() ?? null).toBe(expected);
  });
});

describe("split buckets", () => {
  it("are stable per contact and node and spread over 0–99", () => {
    const ids = Array.from(
      { length: 2_000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    const buckets = ids.map((id) => splitBucket(id, "ab"));
    expect(ids.map((id) => splitBucket(id, "ab"))).toEqual(buckets);
    const a = buckets.filter(
      (b) =>
        splitBranch(
          [
            { key: "a", percent: 50 },
            { key: "b", percent: 40 },
          ],
          b,
        ) === "a",
    ).length;
    const holdout = buckets.filter(
      (b) =>
        splitBranch(
          [
            { key: "a", percent: 50 },
            { key: "b", percent: 40 },
          ],
          b,
        ) === null,
    ).length;
    // Binomial spread: well within ±5 points over 2,000 contacts.
    expect(Math.abs(a / 2_000 - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(holdout / 2_000 - 0.1)).toBeLessThan(0.03);
    expect(splitBucket(ids[0]!, "other")).toBeGreaterThanOrEqual(0);
  });
});
