// What the health operations need besides the database; the API passes its configuration in the
// context, tests and tools without one get the defaults (no replica).
import {
  DEFAULT_EXPLAIN_TIMEOUT_MS,
  DEFAULT_HEALTH_THRESHOLDS,
  type HealthDeps,
  type PlatformContext,
} from "@markettina/domain";
import type { GraphQLContext } from "../context.ts";
import { platformScope } from "../platform/platform-admin.ts";

export const healthDeps = (ctx: GraphQLContext): HealthDeps =>
  ctx.health ?? { thresholds: DEFAULT_HEALTH_THRESHOLDS, explainTimeoutMs: DEFAULT_EXPLAIN_TIMEOUT_MS };

/** The reads need no account: platform admins look at the whole installation. */
export const platformContext = (ctx: GraphQLContext): PlatformContext => ({
  tx: ctx.tx,
  actor: ctx.actor,
  scope: platformScope(ctx),
});
