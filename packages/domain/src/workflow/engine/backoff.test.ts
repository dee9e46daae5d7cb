import { describe, expect, it } from "vitest";
import { backoffMs, nextAttemptAt } from "./backoff.ts";

const middle = () => 0.5; // no jitter: 2·0.5 − 1 = 0

describe("backoffMs", () => {
  it("grows by the multiplier after each failure", () => {
    const b = { initialSeconds: 2, multiplier: 3, maxSeconds: 1_000, jitter: 0.2 };
    expect([1, 2, 3, 4].map((n) => backoffMs(b, n, middle))).toEqual([2_000, 6_000, 18_000, 54_000]);
  });

  it("is capped at maxSeconds", () => {
    expect(backoffMs({ initialSeconds: 10, multiplier: 10, maxSeconds: 60, jitter: 0 }, 5, middle)).toBe(
      60_000,
    );
  });

  it("stays within ±jitter of the wait", () => {
    const b = { initialSeconds: 10, multiplier: 2, maxSeconds: 300, jitter: 0.2 };
    expect(backoffMs(b, 1, () => 0)).toBe(8_000);
    expect(backoffMs(b, 1, () => 0.999_999)).toBe(12_000);
  });

  it("uses the defaults for what the step leaves out", () => {
    expect(backoffMs({}, 1, middle)).toBe(1_000);
    expect(nextAttemptAt(new Date("2026-01-01T00:00:00Z"), {}, 2, middle).toISOString()).toBe(
      "2026-01-01T00:00:02.000Z",
    );
  });
});
