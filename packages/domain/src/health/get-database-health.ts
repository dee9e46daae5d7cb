import type { PlatformContext } from "../context.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { collectHealthReport } from "./collect-health-report.ts";
import type { HealthDeps } from "./deps.ts";
import type { DatabaseHealthReport } from "./report.ts";

/** Platform admins only. */
export async function getDatabaseHealth(
  platform: PlatformContext,
  deps: HealthDeps,
): Promise<DatabaseHealthReport> {
  await requirePlatformAdmin(platform.tx);
  return collectHealthReport(platform.tx, deps);
}
