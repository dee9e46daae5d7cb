// How far the configured read replica (DATABASE_REPLICA_URL) is behind: a one-connection client of
// its own, opened on first use and closed with the app. The health report measures it at most once
// per report (every minute from the sampler, every 30 s from an open health page).
import { createClient } from "@markettina/db";
import type { ReplicaProbe } from "@markettina/domain";
import { sql } from "drizzle-orm";

export interface ClosableReplicaProbe extends ReplicaProbe {
  close: () => Promise<void>;
}

/** Connection settings the probe needs unless the URL says otherwise (postgres.js reads its own
 * options, and the server's startup parameters, from the URL's query). An unreachable replica must
 * fail the check quickly, not hold the report up. */
const PROBE_DEFAULTS: Record<string, string> = {
  connect_timeout: "3",
  statement_timeout: "5000",
  application_name: "markettina-health",
};

export function createReplicaProbe(url: string): ClosableReplicaProbe {
  const probeUrl = new URL(url);
  for (const [key, value] of Object.entries(PROBE_DEFAULTS)) {
    if (!probeUrl.searchParams.has(key)) probeUrl.searchParams.set(key, value);
  }
  const client = createClient(probeUrl.toString(), { max: 1 });
  return {
    async measure() {
      // A replica that has replayed all it received is not behind, however long ago the primary
      // last wrote: only otherwise is now() - the last replayed transaction's time the lag.
      const [row] = await client.db.execute<{
        in_recovery: boolean;
        lag_seconds: string | number | null;
      }>(sql`
        select pg_is_in_recovery() as in_recovery,
               case when not pg_is_in_recovery() then null
                    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                    else extract(epoch from now() - pg_last_xact_replay_timestamp()) end as lag_seconds`);
      return {
        inRecovery: row!.in_recovery,
        lagSeconds: row!.lag_seconds === null ? null : Math.max(0, Number(row!.lag_seconds)),
      };
    },
    close: client.close,
  };
}
