// Turning a measured figure into pass/warn/fail, and the checks into an overall status: any fail
// makes the database unhealthy, any warn degraded; skipped checks do not count.
import type { CheckStatus, CheckUnit, HealthCheck, HealthCheckKey, OverallStatus } from "./report.ts";
import type { Threshold } from "./thresholds.ts";

export function grade(value: number | null, threshold: Threshold, direction: "above" | "below"): CheckStatus {
  if (value === null) return "pass";
  if (direction === "above") {
    if (value >= threshold.fail) return "fail";
    return value >= threshold.warn ? "warn" : "pass";
  }
  if (value <= threshold.fail) return "fail";
  return value <= threshold.warn ? "warn" : "pass";
}

export interface CheckInput {
  key: HealthCheckKey;
  label: string;
  value: number | null;
  unit: CheckUnit;
  direction: "above" | "below";
  threshold: Threshold;
  message: string;
  /** Overrides the graded status (skip: not applicable; fail: could not be measured). */
  status?: CheckStatus;
}

export function makeCheck(input: CheckInput): HealthCheck {
  return {
    key: input.key,
    label: input.label,
    status: input.status ?? grade(input.value, input.threshold, input.direction),
    value: input.value,
    unit: input.unit,
    direction: input.direction,
    warnAt: input.threshold.warn,
    failAt: input.threshold.fail,
    message: input.message,
  };
}

export function overallStatus(checks: readonly HealthCheck[]): OverallStatus {
  if (checks.some((c) => c.status === "fail")) return "unhealthy";
  return checks.some((c) => c.status === "warn") ? "degraded" : "healthy";
}
