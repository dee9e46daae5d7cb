import type { HealthThresholds } from "./thresholds.ts";

/** Measures the configured read replica (DATABASE_REPLICA_URL); built by the app, which owns the
 * connection. */
export interface ReplicaProbe {
  /** inRecovery false: the URL points at a primary, not a replica. Throws when unreachable. */
  measure(): Promise<{ inRecovery: boolean; lagSeconds: number | null }>;
}

/** EXPLAIN's statement timeout unless DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS says otherwise. */
export const DEFAULT_EXPLAIN_TIMEOUT_MS = 5_000;

/** What the health report needs besides the database. */
export interface HealthDeps {
  thresholds: HealthThresholds;
  /** Absent: no replica configured (the replication check is skipped unless the primary streams
   * to standbys). */
  replica?: ReplicaProbe;
  /** Statement timeout of EXPLAIN (and EXPLAIN ANALYZE), ms. */
  explainTimeoutMs: number;
}
