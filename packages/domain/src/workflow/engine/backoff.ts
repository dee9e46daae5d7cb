// The wait before a failed step's next attempt: initial × multiplier^(n−1), capped at maxSeconds,
// then randomised within ±jitter of itself (so steps that failed together do not retry together).
import type { Retry } from "../definition.ts";

export type Backoff = Pick<Retry, "initialSeconds" | "multiplier" | "maxSeconds" | "jitter">;

export const DEFAULT_BACKOFF: Backoff = { initialSeconds: 1, multiplier: 2, maxSeconds: 300, jitter: 0.2 };

/** Milliseconds to wait after the `failures`-th failed attempt (1 = the first); `random` in [0, 1). */
export function backoffMs(
  backoff: Partial<Backoff>,
  failures: number,
  random: () => number = Math.random,
): number {
  const b = { ...DEFAULT_BACKOFF, ...backoff };
  const base = Math.min(b.maxSeconds, b.initialSeconds * b.multiplier ** Math.max(0, failures - 1));
  const spread = base * b.jitter * (2 * random() - 1);
  return Math.max(0, Math.round((base + spread) * 1000));
}

/** The moment the next attempt may start. */
export const nextAttemptAt = (
  now: Date,
  backoff: Partial<Backoff>,
  failures: number,
  random?: () => number,
): Date => new Date(now.getTime() + backoffMs(backoff, failures, random));
