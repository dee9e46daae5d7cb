import { describe, expect, it } from "vitest";
import { nextRunAt, runsBetween, scheduleProblems } from "./next-run-at.ts";

/** The wall-clock time of `date` in `timeZone`, "YYYY-MM-DD HH:mm". */
const local = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);

const runs = (cron: string, tz: string, after: string, n: number) => {
  const out: Date[] = [];
  let cursor = new Date(after);
  for (let i = 0; i < n; i++) {
    cursor = nextRunAt(cron, tz, cursor);
    out.push(cursor);
  }
  return out;
};

describe("nextRunAt", () => {
  it("keeps a 09:00 daily job at 09:00 Rome time across the spring-forward change", () => {
    // Europe/Rome: 2026-03-29 02:00 CET → 03:00 CEST.
    const r = runs("0 9 * * *", "Europe/Rome", "2026-03-27T12:00:00Z", 3);
    expect(r.map((d) => local(d, "Europe/Rome"))).toEqual([
      "2026-03-28 09:00",
      "2026-03-29 09:00",
      "2026-03-30 09:00",
    ]);
    // The UTC instants move by an hour: CET is UTC+1, CEST UTC+2.
    expect(r.map((d) => d.toISOString())).toEqual([
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
  });

  it("keeps a 09:00 daily job at 09:00 Rome time across the fall-back change", () => {
    // Europe/Rome: 2026-10-25 03:00 CEST → 02:00 CET.
    const r = runs("0 9 * * *", "Europe/Rome", "2026-10-24T00:00:00Z", 3);
    expect(r.map((d) => local(d, "Europe/Rome"))).toEqual([
      "2026-10-24 09:00",
      "2026-10-25 09:00",
      "2026-10-26 09:00",
    ]);
    expect(r[0]!.toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(r[2]!.toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });

  it("keeps a 09:00 daily job at 09:00 New York time on both sides of each change", () => {
    // America/New_York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    const spring = runs("0 9 * * *", "America/New_York", "2026-03-07T00:00:00Z", 3);
    expect(spring.map((d) => local(d, "America/New_York"))).toEqual([
      "2026-03-07 09:00",
      "2026-03-08 09:00",
      "2026-03-09 09:00",
    ]);
    expect(spring.map((d) => d.getUTCHours())).toEqual([14, 13, 13]);
    const fall = runs("0 9 * * *", "America/New_York", "2026-10-31T00:00:00Z", 3);
    expect(fall.map((d) => local(d, "America/New_York"))).toEqual([
      "2026-10-31 09:00",
      "2026-11-01 09:00",
      "2026-11-02 09:00",
    ]);
    expect(fall.map((d) => d.getUTCHours())).toEqual([13, 14, 14]);
  });

  it("runs a 02:30 job once on the spring-forward night, at 03:30 local (02:30 does not exist)", () => {
    const rome = runs("30 2 * * *", "Europe/Rome", "2026-03-27T12:00:00Z", 3);
    expect(rome.map((d) => local(d, "Europe/Rome"))).toEqual([
      "2026-03-28 02:30",
      "2026-03-29 03:30",
      "2026-03-30 02:30",
    ]);
    const ny = runs("30 2 * * *", "America/New_York", "2026-03-07T12:00:00Z", 3);
    expect(ny.map((d) => local(d, "America/New_York"))).toEqual([
      "2026-03-08 03:30",
      "2026-03-09 02:30",
      "2026-03-10 02:30",
    ]);
  });

  it("runs a 01:30 job once on the fall-back night, when 01:30 happens twice", () => {
    const ny = runs("30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2);
    expect(ny.map((d) => d.toISOString())).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
  });

  it("answers a time strictly after the one given", () => {
    const at = new Date("2026-05-04T07:00:00.000Z");
    expect(nextRunAt("0 9 * * *", "Europe/Rome", at).toISOString()).toBe("2026-05-05T07:00:00.000Z");
    expect(nextRunAt("*/5 * * * *", "UTC", new Date("2026-05-04T07:02:30Z")).toISOString()).toBe(
      "2026-05-04T07:05:00.000Z",
    );
  });
});

describe("runsBetween", () => {
  it("counts the runs due between the stored next run and now, and names the latest", () => {
    const r = runsBetween(
      "0 9 * * *",
      "UTC",
      new Date("2026-05-01T09:00:00Z"),
      new Date("2026-05-04T10:00:00Z"),
    );
    expect(r.count).toBe(4);
    expect(r.latest?.toISOString()).toBe("2026-05-04T09:00:00.000Z");
    const none = runsBetween(
      "0 9 * * *",
      "UTC",
      new Date("2026-05-05T09:00:00Z"),
      new Date("2026-05-04T10:00:00Z"),
    );
    expect(none).toEqual({ latest: null, count: 0 });
  });

  it("stops counting a minutely job that was off for long, but still finds the latest run", () => {
    const r = runsBetween(
      "* * * * *",
      "UTC",
      new Date("2026-01-01T00:00:00Z"),
      new Date("2026-05-04T10:00:30Z"),
      100,
    );
    expect(r.count).toBe(100);
    expect(r.latest?.toISOString()).toBe("2026-05-04T10:00:00.000Z");
  });
});

describe("scheduleProblems", () => {
  it("accepts a five-field expression in a known zone", () => {
    expect(scheduleProblems("0 9 * * 1-5", "Europe/Rome")).toEqual([]);
  });

  it("names the field at fault", () => {
    expect(scheduleProblems("61 * * * *", "UTC").map((p) => p.field)).toEqual(["cron"]);
    expect(scheduleProblems("0 0 9 * * *", "UTC").map((p) => p.field)).toEqual(["cron"]);
    expect(scheduleProblems("not a cron", "UTC").map((p) => p.field)).toEqual(["cron"]);
    expect(scheduleProblems("0 9 * * *", "Mars/Olympus").map((p) => p.field)).toEqual(["timeZone"]);
  });
});
