// The health report's enums: upper-case in GraphQL, the domain's lower-case strings underneath.
import { HEALTH_CHECK_KEYS } from "@markettina/domain";
import { builder } from "../builder.ts";
import { upper } from "../platform/enum-values.ts";

export const DatabaseHealthStatusEnum = builder.enumType("DatabaseHealthStatus", {
  description: "Overall: unhealthy when any check fails, degraded when any warns.",
  values: upper(["healthy", "degraded", "unhealthy"] as const),
});

export const HealthCheckStatusEnum = builder.enumType("HealthCheckStatus", {
  description: "SKIP: the check does not apply here (no replica configured).",
  values: upper(["pass", "warn", "fail", "skip"] as const),
});

export const HealthCheckUnitEnum = builder.enumType("HealthCheckUnit", {
  values: upper(["ms", "seconds", "bytes", "ratio", "count", "transactions"] as const),
});

export const HealthCheckDirectionEnum = builder.enumType("HealthCheckDirection", {
  description: "ABOVE: a higher value is worse (connections); BELOW: a lower one is (cache hit ratio).",
  values: upper(["above", "below"] as const),
});

export const HealthCheckKeyEnum = builder.enumType("HealthCheckKey", { values: upper(HEALTH_CHECK_KEYS) });
