// A platform admin stops a runaway query (cancel) or a stuck session (terminate) of this database.
// app.health_signal_backend asks the database itself whether the caller is a platform admin and
// refuses sessions of other databases on the same server and the caller's own.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";

export const CancelDatabaseBackendInput = z.object({
  pid: z.number().int().positive().max(2_147_483_647),
  terminate: z.boolean(),
});

/** How much of the target's statement the audit entry keeps. */
const AUDITED_QUERY_CHARS = 500;

/** Platform admins only; audited. Cancels the session's query, or terminates the session. */
export async function cancelDatabaseBackend(
  platform: PlatformContext,
  raw: { pid: number; terminate: boolean },
): Promise<{ pid: number; terminated: boolean }> {
  await requirePlatformAdmin(platform.tx);
  const { pid, terminate } = parseInput(CancelDatabaseBackendInput, raw);
  // Read before signalling: afterwards the query (or the whole session) is gone, and the audit
  // entry should say what was stopped.
  const [target] = await platform.tx.execute<{
    application: string | null;
    user: string | null;
    state: string | null;
    query: string | null;
  }>(sql`
    select application_name as application, usename as "user", state,
           left(query, ${AUDITED_QUERY_CHARS}) as query
      from pg_stat_activity
     where pid = ${pid} and datname = current_database()`);
  const [signalled] = await platform.tx.execute<{ ok: boolean }>(
    sql`select app.health_signal_backend(${pid}::int, ${terminate}) as ok`,
  );
  if (signalled?.ok !== true) fail("NOT_FOUND", "No session with that pid in this database.", "pid");
  await recordPlatformChange(platform, {
    action: terminate ? "database.backend_terminated" : "database.backend_cancelled",
    entityType: "database",
    after: {
      pid,
      application: target?.application ?? null,
      user: target?.user ?? null,
      state: target?.state ?? null,
      query: target?.query ?? null,
    },
  });
  return { pid, terminated: terminate };
}
