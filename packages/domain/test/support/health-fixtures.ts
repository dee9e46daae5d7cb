// Fixtures for the database health report's tests: platform admins (and users who are not), the
// platform context a request gives them, sessions of their own put into the states the checks
// detect, and thresholds that let a single check decide.
import { randomUUID } from "node:crypto";
import { type Database, type TenantScope, withTenant } from "@markettina/db";
import postgres from "postgres";
import {
  DEFAULT_HEALTH_THRESHOLDS,
  DomainError,
  type HealthDeps,
  type HealthThresholds,
  type PlatformContext,
} from "../../src/index.ts";

/** A user (a platform admin when `admin`), inserted as the owner: the application role can never
 * set is_platform_admin. */
export async function createHealthUser(owner: postgres.Sql, { admin }: { admin: boolean }): Promise<string> {
  const id = randomUUID();
  await owner`insert into users (id, email, name, is_platform_admin)
              values (${id}, ${`${id}@health.test`}, ${admin ? "Admin" : "User"}, ${admin})`;
  return id;
}

/** Runs `op` as a request of `userId` does: its own transaction, a scope with no account. */
export function asPlatform<T>(
  db: Database,
  userId: string,
  op: (platform: PlatformContext) => Promise<T>,
): Promise<T> {
  const scope: TenantScope = { accountId: null, accountIds: [], userId, apiKeyId: null };
  const actor = { userId, apiKeyId: null, requestId: randomUUID(), ip: null, userAgent: null };
  return withTenant(db, scope, (tx) => op({ tx, actor, scope }));
}

export async function domainErrorOf(
  promise: Promise<unknown>,
): Promise<{ code: string; field: string | null }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  const [first] = error.errors;
  return { code: first?.code ?? "", field: first?.field ?? null };
}

/** Thresholds nothing in a healthy test database reaches: every graded check passes, so the one a
 * test lowers decides the overall status. */
export const LENIENT_THRESHOLDS: HealthThresholds = Object.fromEntries(
  Object.entries(DEFAULT_HEALTH_THRESHOLDS).map(([key, value]) => {
    if (typeof value === "number") return [key, value];
    // Cache hit ratios are "below is worse"; everything else "above".
    const below = key === "tableCacheHit" || key === "indexCacheHit";
    return [
      key,
      below ? { warn: -1, fail: -2 } : { warn: Number.POSITIVE_INFINITY, fail: Number.POSITIVE_INFINITY },
    ];
  }),
) as unknown as HealthThresholds;

export function healthDeps(
  overrides: Partial<HealthThresholds> = {},
  extra: Partial<HealthDeps> = {},
): HealthDeps {
  return { thresholds: { ...LENIENT_THRESHOLDS, ...overrides }, explainTimeoutMs: 5_000, ...extra };
}

/** A connection of its own to the test database, named so the report's lists can be searched
 * for it; `end` in a finally. */
export interface ProbeSession {
  sql: postgres.ReservedSql;
  pid: number;
  end: () => Promise<void>;
}

export async function openProbeSession(url: string, applicationName: string): Promise<ProbeSession> {
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: applicationName },
  });
  const reserved = await client.reserve();
  const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
  return {
    sql: reserved,
    pid: row?.pid ?? 0,
    end: async () => {
      reserved.release();
      await client.end({ timeout: 1 });
    },
  };
}

/** The state pg_stat_activity shows for `pid` (read by the owner, outside the report). */
export async function sessionState(
  owner: postgres.Sql,
  pid: number,
): Promise<{ state: string | null; wait_event_type: string | null } | undefined> {
  const [row] = await owner<{ state: string | null; wait_event_type: string | null }[]>`
    select state, wait_event_type from pg_stat_activity where pid = ${pid}`;
  return row;
}
