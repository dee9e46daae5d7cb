// What the database health report says: a status per check against thresholds, an overall status,
// and the lists behind the checks (sessions, statements, tables, indexes, queues, …) that the
// operators' page shows. Plain data: the GraphQL layer maps it, the sampler keeps the headline.

/** skip: the check does not apply here (no replica configured). */
export type CheckStatus = "pass" | "warn" | "fail" | "skip";
export type OverallStatus = "healthy" | "degraded" | "unhealthy";
export type CheckUnit = "ms" | "seconds" | "bytes" | "ratio" | "count" | "transactions";

export const HEALTH_CHECK_KEYS = [
  "connectivity",
  "connections",
  "idle_in_transaction",
  "database_size",
  "long_running_queries",
  "blocked_queries",
  "slow_queries",
  "dead_tuples",
  "table_cache_hit",
  "index_cache_hit",
  "unused_indexes",
  "duplicate_indexes",
  "invalid_indexes",
  "foreign_keys_without_index",
  "transaction_id_wraparound",
  "partitions",
  "materialized_views",
  "replication_lag",
  "queue_backlog",
  "queue_failures",
  "sequence_overflow",
] as const;
export type HealthCheckKey = (typeof HEALTH_CHECK_KEYS)[number];

export interface HealthCheck {
  key: HealthCheckKey;
  /** e.g. "Connections". */
  label: string;
  status: CheckStatus;
  /** The measured figure the thresholds apply to; null when there is nothing to measure. */
  value: number | null;
  unit: CheckUnit;
  /** "above": a higher value is worse (connections); "below": a lower one is (cache hit ratio). */
  direction: "above" | "below";
  warnAt: number | null;
  failAt: number | null;
  /** One sentence for people: "12 of 100 connections in use (12%)". */
  message: string;
}

export interface ServerInfo {
  version: string;
  database: string;
  startedAt: Date;
  maxConnections: number;
  /** When the cumulative statistics (pg_stat_*) were last reset; null: never. */
  statsResetAt: Date | null;
  /** Whether the application role sees every session and statement (pg_read_all_stats) or only
   * its own. */
  seesAllSessions: boolean;
}

export interface ConnectionCount {
  /** state (active, idle, idle in transaction, …) or application_name ("" shown as "(none)"). */
  name: string;
  count: number;
}

export interface ConnectionSummary {
  total: number;
  active: number;
  idleInTransaction: number;
  max: number;
  /** max_connections less superuser_reserved_connections: what the application can really use. */
  usable: number;
  byState: ConnectionCount[];
  byApplication: ConnectionCount[];
}

export interface DatabaseSize {
  bytes: number;
  /** Growth per day from the oldest sample of the last 7 days (null: no sample old enough). */
  growthBytesPerDay: number | null;
}

export interface LiveQuery {
  pid: number;
  user: string | null;
  application: string;
  clientAddress: string | null;
  state: string | null;
  waitEventType: string | null;
  waitEvent: string | null;
  backendStartedAt: Date | null;
  transactionStartedAt: Date | null;
  queryStartedAt: Date | null;
  /** Since the query (or, when idle in transaction, the state) started. */
  durationSeconds: number;
  /** Truncated to 2,000 characters. */
  query: string;
  /** pids this session waits on (pg_blocking_pids). */
  blockedBy: number[];
}

export interface BlockedQuery {
  blockedPid: number;
  blockedQuery: string;
  blockedSeconds: number;
  /** The lock the blocked session waits for, e.g. "relation AccessExclusiveLock" or "transactionid ShareLock". */
  waitingFor: string;
  blockingPid: number;
  blockingQuery: string;
  blockingState: string | null;
  blockingSeconds: number;
}

export interface TopQuery {
  /** pg_stat_statements' queryid, as a decimal string (it is a 64-bit integer). */
  queryId: string;
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  /** Share of the total execution time of every statement tracked, 0–1. */
  share: number;
  /** Shared-buffer hit ratio of this statement, 0–1 (null: it read no blocks). */
  cacheHitRatio: number | null;
}

export interface QueryStats {
  /** Whether pg_stat_statements is installed (and preloaded) on this server. */
  available: boolean;
  /** When this database's statement statistics were last reset (null: unknown). */
  resetAt: Date | null;
  /** The statements of this database by total time, most first (at most 50). */
  top: TopQuery[];
}

export interface TableStat {
  schema: string;
  name: string;
  liveTuples: number;
  deadTuples: number;
  /** dead / (live + dead), 0–1. */
  deadRatio: number;
  lastVacuum: Date | null;
  lastAutovacuum: Date | null;
  lastAnalyze: Date | null;
  lastAutoanalyze: Date | null;
  totalBytes: number;
  tableBytes: number;
  indexBytes: number;
  seqScans: number;
  indexScans: number;
  seqTuplesRead: number;
}

export interface IndexStat {
  schema: string;
  table: string;
  name: string;
  bytes: number;
  scans: number;
  unique: boolean;
  primary: boolean;
  valid: boolean;
  /** Never scanned since the statistics were reset, not unique, and at least unusedIndexMinBytes. */
  unused: boolean;
  /** Another index of the same table whose leading columns cover this one's (this one is redundant). */
  duplicateOf: string | null;
  definition: string;
}

export interface ForeignKeyWithoutIndex {
  table: string;
  constraint: string;
  columns: string[];
  referencedTable: string;
  /** Estimated rows of the referencing table (the check grades only tables of
   * foreignKeyTableMinRows or more). */
  tableRows: number;
}

export interface PartitionStatus {
  /** The partitioned table, e.g. "public.domain_events". */
  table: string;
  /** Months (YYYY-MM) from this one to three ahead that have a partition. */
  presentMonths: string[];
  missingMonths: string[];
  /** Rows that landed in the default partition (nothing should: they belong in a month). */
  defaultPartitionRows: number;
}

export interface MaterializedViewStatus {
  name: string;
  populated: boolean;
  refreshedAt: Date | null;
  ageSeconds: number | null;
  bytes: number;
}

export interface ReplicaStatus {
  applicationName: string;
  clientAddress: string | null;
  state: string | null;
  replayLagSeconds: number | null;
}

export interface ReplicationStatus {
  /** Whether DATABASE_REPLICA_URL is set. */
  configured: boolean;
  /** Seconds the configured replica is behind (now() - pg_last_xact_replay_timestamp()). */
  lagSeconds: number | null;
  /** Standbys the primary streams to (pg_stat_replication). */
  replicas: ReplicaStatus[];
  /** Why the configured replica could not be measured, when it could not. */
  error: string | null;
}

export interface QueueStat {
  name: string;
  /** Waiting and ready to run (created or retry, start_after passed). */
  queued: number;
  /** Waiting for a later time. */
  deferred: number;
  active: number;
  /** Failed for good in the last 24 hours. */
  failedLastDay: number;
  /** Age of the oldest job that is ready and not started, null: none waiting. */
  oldestWaitingSeconds: number | null;
}

export interface SequenceUsage {
  sequence: string;
  /** The column it feeds, "public.t.id" (null: a free-standing sequence). */
  column: string | null;
  columnType: string | null;
  lastValue: number | null;
  maxValue: number;
  /** lastValue / maxValue, 0–1. */
  usedRatio: number;
}

export interface DatabaseHealthReport {
  status: OverallStatus;
  generatedAt: Date;
  roundTripMs: number;
  server: ServerInfo;
  checks: HealthCheck[];
  connections: ConnectionSummary;
  size: DatabaseSize;
  liveQueries: LiveQuery[];
  blockedQueries: BlockedQuery[];
  queryStats: QueryStats;
  /** Shared-buffer hit ratios since the statistics were reset, 0–1 (null: nothing read yet). */
  cacheHit: { tables: number | null; indexes: number | null };
  tables: TableStat[];
  indexes: IndexStat[];
  foreignKeysWithoutIndex: ForeignKeyWithoutIndex[];
  /** age(datfrozenxid) of this database. */
  transactionIdAge: number;
  partitions: PartitionStatus[];
  materializedViews: MaterializedViewStatus[];
  replication: ReplicationStatus;
  queues: QueueStat[];
  sequences: SequenceUsage[];
}

/** One minute's headline figures (a row of health_samples). */
export interface HealthSample {
  sampledAt: Date;
  status: OverallStatus;
  roundTripMs: number;
  connectionsTotal: number;
  connectionsActive: number;
  connectionsIdleInTransaction: number;
  maxConnections: number;
  databaseBytes: number;
  tableCacheHitRatio: number | null;
  indexCacheHitRatio: number | null;
  queueDepth: number;
  failedJobs: number;
  longestQuerySeconds: number | null;
  blockedQueries: number;
  transactionIdAge: number;
  checks: Record<string, CheckStatus>;
}
