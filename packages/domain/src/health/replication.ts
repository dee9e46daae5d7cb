// Replication: the configured read replica (DATABASE_REPLICA_URL), measured through the probe the
// app builds, and the standbys this server streams to (pg_stat_replication). A replica that is
// unreachable, or a URL that points at a primary, fails the check: reads sent there would be wrong
// or lost. With neither a replica nor a standby the check does not apply.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { ReplicaProbe } from "./deps.ts";
import { formatSeconds, plural } from "./format-figures.ts";
import { makeCheck } from "./grade.ts";
import type { HealthCheck, ReplicaStatus, ReplicationStatus } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

export async function collectStandbys(db: Executor): Promise<ReplicaStatus[]> {
  const rows = await db.execute<{
    application_name: string;
    client_address: string | null;
    state: string | null;
    replay_lag_seconds: number | null;
  }>(sql`
    select r.application_name,
           host(r.client_addr) as client_address,
           r.state,
           extract(epoch from r.replay_lag)::float8 as replay_lag_seconds
      from pg_stat_replication r
     order by r.application_name, r.pid`);
  return rows.map((r) => ({
    applicationName: r.application_name,
    clientAddress: r.client_address,
    state: r.state,
    replayLagSeconds: r.replay_lag_seconds,
  }));
}

/** Asks the configured replica how far behind it is; never throws (the error is reported). */
export async function measureReplica(
  probe: ReplicaProbe | undefined,
): Promise<Pick<ReplicationStatus, "configured" | "lagSeconds" | "error">> {
  if (!probe) return { configured: false, lagSeconds: null, error: null };
  try {
    const measured = await probe.measure();
    if (!measured.inRecovery) {
      return {
        configured: true,
        lagSeconds: null,
        error:
          "The configured replica is not a replica: it is not in recovery (DATABASE_REPLICA_URL points at a primary).",
      };
    }
    return { configured: true, lagSeconds: measured.lagSeconds, error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      configured: true,
      lagSeconds: null,
      error: `The configured replica could not be reached: ${reason}`,
    };
  }
}

/** replication_lag. */
export function replicationCheck(replication: ReplicationStatus, t: HealthThresholds): HealthCheck {
  const common = {
    key: "replication_lag",
    label: "Replication lag",
    unit: "seconds",
    direction: "above",
    threshold: t.replicationLagSeconds,
  } as const;
  if (replication.error !== null) {
    return makeCheck({ ...common, value: null, status: "fail", message: replication.error });
  }
  if (replication.configured) {
    const lag = replication.lagSeconds;
    return makeCheck({
      ...common,
      value: lag,
      message:
        lag === null
          ? "The replica has replayed no transaction yet."
          : `The replica is ${formatSeconds(lag)} behind the primary.`,
    });
  }
  if (replication.replicas.length === 0) {
    return makeCheck({ ...common, value: null, status: "skip", message: "No replica is configured." });
  }
  const lags = replication.replicas.map((r) => r.replayLagSeconds ?? 0);
  const worst = Math.max(...lags);
  return makeCheck({
    ...common,
    value: worst,
    message: `${plural(replication.replicas.length, "standby", "standbys")} streaming, the furthest ${formatSeconds(worst)} behind.`,
  });
}
