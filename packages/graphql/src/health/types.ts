// The database health report as GraphQL types: field for field the domain's report (report.ts).
// 64-bit figures (bytes, tuples, calls) are Float; counts that fit 32 bits are Int.
import type {
  BlockedQuery,
  ConnectionCount,
  ConnectionSummary,
  DatabaseHealthReport,
  DatabaseSize,
  ForeignKeyWithoutIndex,
  HealthCheck,
  HealthSample,
  IndexStat,
  LiveQuery,
  MaterializedViewStatus,
  PartitionStatus,
  QueryStats,
  QueueStat,
  ReplicaStatus,
  ReplicationStatus,
  SequenceUsage,
  ServerInfo,
  TableStat,
  TopQuery,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import {
  DatabaseHealthStatusEnum,
  HealthCheckDirectionEnum,
  HealthCheckKeyEnum,
  HealthCheckStatusEnum,
  HealthCheckUnitEnum,
} from "./enums.ts";

const DatabaseServerInfoRef = builder.objectRef<ServerInfo>("DatabaseServerInfo").implement({
  fields: (t) => ({
    version: t.exposeString("version"),
    database: t.exposeString("database"),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    maxConnections: t.exposeInt("maxConnections"),
    statsResetAt: t.expose("statsResetAt", {
      type: "DateTime",
      nullable: true,
      description: "null: never reset.",
    }),
    seesAllSessions: t.exposeBoolean("seesAllSessions", {
      description: "Whether the application role sees every session and statement (pg_read_all_stats).",
    }),
  }),
});

const DatabaseHealthCheckRef = builder.objectRef<HealthCheck>("DatabaseHealthCheck").implement({
  fields: (t) => ({
    key: t.expose("key", { type: HealthCheckKeyEnum }),
    label: t.exposeString("label"),
    status: t.expose("status", { type: HealthCheckStatusEnum }),
    value: t.exposeFloat("value", { nullable: true, description: "null: nothing to measure." }),
    unit: t.expose("unit", { type: HealthCheckUnitEnum }),
    direction: t.expose("direction", { type: HealthCheckDirectionEnum }),
    warnAt: t.exposeFloat("warnAt", { nullable: true }),
    failAt: t.exposeFloat("failAt", { nullable: true }),
    message: t.exposeString("message"),
  }),
});

const DatabaseConnectionCountRef = builder.objectRef<ConnectionCount>("DatabaseConnectionCount").implement({
  fields: (t) => ({ name: t.exposeString("name"), count: t.exposeInt("count") }),
});

const DatabaseConnectionsRef = builder.objectRef<ConnectionSummary>("DatabaseConnections").implement({
  fields: (t) => ({
    total: t.exposeInt("total"),
    active: t.exposeInt("active"),
    idleInTransaction: t.exposeInt("idleInTransaction"),
    max: t.exposeInt("max"),
    usable: t.exposeInt("usable", { description: "max_connections less the superuser reserve." }),
    byState: t.expose("byState", { type: [DatabaseConnectionCountRef] }),
    byApplication: t.expose("byApplication", { type: [DatabaseConnectionCountRef] }),
  }),
});

const DatabaseSizeRef = builder.objectRef<DatabaseSize>("DatabaseSize").implement({
  fields: (t) => ({
    bytes: t.exposeFloat("bytes"),
    growthBytesPerDay: t.exposeFloat("growthBytesPerDay", { nullable: true }),
  }),
});

const DatabaseLiveQueryRef = builder.objectRef<LiveQuery>("DatabaseLiveQuery").implement({
  fields: (t) => ({
    pid: t.exposeInt("pid"),
    user: t.exposeString("user", { nullable: true }),
    application: t.exposeString("application"),
    clientAddress: t.exposeString("clientAddress", { nullable: true }),
    state: t.exposeString("state", { nullable: true }),
    waitEventType: t.exposeString("waitEventType", { nullable: true }),
    waitEvent: t.exposeString("waitEvent", { nullable: true }),
    backendStartedAt: t.expose("backendStartedAt", { type: "DateTime", nullable: true }),
    transactionStartedAt: t.expose("transactionStartedAt", { type: "DateTime", nullable: true }),
    queryStartedAt: t.expose("queryStartedAt", { type: "DateTime", nullable: true }),
    durationSeconds: t.exposeFloat("durationSeconds"),
    query: t.exposeString("query"),
    blockedBy: t.exposeIntList("blockedBy", { description: "Sessions this one waits on." }),
  }),
});

const DatabaseBlockedQueryRef = builder.objectRef<BlockedQuery>("DatabaseBlockedQuery").implement({
  fields: (t) => ({
    blockedPid: t.exposeInt("blockedPid"),
    blockedQuery: t.exposeString("blockedQuery"),
    blockedSeconds: t.exposeFloat("blockedSeconds"),
    waitingFor: t.exposeString("waitingFor", { description: 'e.g. "relation AccessExclusiveLock".' }),
    blockingPid: t.exposeInt("blockingPid"),
    blockingQuery: t.exposeString("blockingQuery"),
    blockingState: t.exposeString("blockingState", { nullable: true }),
    blockingSeconds: t.exposeFloat("blockingSeconds"),
  }),
});

const DatabaseTopQueryRef = builder.objectRef<TopQuery>("DatabaseTopQuery").implement({
  fields: (t) => ({
    queryId: t.exposeString("queryId", { description: "pg_stat_statements' queryid (64-bit, decimal)." }),
    query: t.exposeString("query"),
    calls: t.exposeFloat("calls"),
    totalMs: t.exposeFloat("totalMs"),
    meanMs: t.exposeFloat("meanMs"),
    rows: t.exposeFloat("rows"),
    share: t.exposeFloat("share", { description: "Share of all tracked execution time, 0–1." }),
    cacheHitRatio: t.exposeFloat("cacheHitRatio", { nullable: true }),
  }),
});

const DatabaseQueryStatsRef = builder.objectRef<QueryStats>("DatabaseQueryStats").implement({
  fields: (t) => ({
    available: t.exposeBoolean("available", { description: "Whether pg_stat_statements is installed." }),
    resetAt: t.expose("resetAt", { type: "DateTime", nullable: true }),
    top: t.expose("top", {
      type: [DatabaseTopQueryRef],
      description: "By total time, most first (at most 50).",
    }),
  }),
});

const DatabaseCacheHitRef = builder
  .objectRef<DatabaseHealthReport["cacheHit"]>("DatabaseCacheHit")
  .implement({
    fields: (t) => ({
      tables: t.exposeFloat("tables", { nullable: true }),
      indexes: t.exposeFloat("indexes", { nullable: true }),
    }),
  });

const DatabaseTableStatRef = builder.objectRef<TableStat>("DatabaseTableStat").implement({
  fields: (t) => ({
    schema: t.exposeString("schema"),
    name: t.exposeString("name"),
    liveTuples: t.exposeFloat("liveTuples"),
    deadTuples: t.exposeFloat("deadTuples"),
    deadRatio: t.exposeFloat("deadRatio"),
    lastVacuum: t.expose("lastVacuum", { type: "DateTime", nullable: true }),
    lastAutovacuum: t.expose("lastAutovacuum", { type: "DateTime", nullable: true }),
    lastAnalyze: t.expose("lastAnalyze", { type: "DateTime", nullable: true }),
    lastAutoanalyze: t.expose("lastAutoanalyze", { type: "DateTime", nullable: true }),
    totalBytes: t.exposeFloat("totalBytes"),
    tableBytes: t.exposeFloat("tableBytes"),
    indexBytes: t.exposeFloat("indexBytes"),
    seqScans: t.exposeFloat("seqScans"),
    indexScans: t.exposeFloat("indexScans"),
    seqTuplesRead: t.exposeFloat("seqTuplesRead"),
  }),
});

const DatabaseIndexStatRef = builder.objectRef<IndexStat>("DatabaseIndexStat").implement({
  fields: (t) => ({
    schema: t.exposeString("schema"),
    table: t.exposeString("table"),
    name: t.exposeString("name"),
    bytes: t.exposeFloat("bytes"),
    scans: t.exposeFloat("scans"),
    unique: t.exposeBoolean("unique"),
    primary: t.exposeBoolean("primary"),
    valid: t.exposeBoolean("valid"),
    unused: t.exposeBoolean("unused"),
    duplicateOf: t.exposeString("duplicateOf", {
      nullable: true,
      description: "An index of the same table that covers this one (this one is redundant).",
    }),
    definition: t.exposeString("definition"),
  }),
});

const DatabaseForeignKeyWithoutIndexRef = builder
  .objectRef<ForeignKeyWithoutIndex>("DatabaseForeignKeyWithoutIndex")
  .implement({
    fields: (t) => ({
      table: t.exposeString("table"),
      constraint: t.exposeString("constraint"),
      columns: t.exposeStringList("columns"),
      referencedTable: t.exposeString("referencedTable"),
      tableRows: t.exposeFloat("tableRows", {
        description: "Estimated rows of the referencing table; the check grades only large tables.",
      }),
    }),
  });

const DatabasePartitionStatusRef = builder.objectRef<PartitionStatus>("DatabasePartitionStatus").implement({
  fields: (t) => ({
    table: t.exposeString("table"),
    presentMonths: t.exposeStringList("presentMonths", {
      description: "YYYY-MM, this month to three ahead.",
    }),
    missingMonths: t.exposeStringList("missingMonths"),
    defaultPartitionRows: t.exposeFloat("defaultPartitionRows"),
  }),
});

const DatabaseMaterializedViewRef = builder
  .objectRef<MaterializedViewStatus>("DatabaseMaterializedView")
  .implement({
    fields: (t) => ({
      name: t.exposeString("name"),
      populated: t.exposeBoolean("populated"),
      refreshedAt: t.expose("refreshedAt", { type: "DateTime", nullable: true }),
      ageSeconds: t.exposeFloat("ageSeconds", { nullable: true }),
      bytes: t.exposeFloat("bytes"),
    }),
  });

const DatabaseReplicaRef = builder.objectRef<ReplicaStatus>("DatabaseReplica").implement({
  fields: (t) => ({
    applicationName: t.exposeString("applicationName"),
    clientAddress: t.exposeString("clientAddress", { nullable: true }),
    state: t.exposeString("state", { nullable: true }),
    replayLagSeconds: t.exposeFloat("replayLagSeconds", { nullable: true }),
  }),
});

const DatabaseReplicationRef = builder.objectRef<ReplicationStatus>("DatabaseReplication").implement({
  fields: (t) => ({
    configured: t.exposeBoolean("configured", { description: "Whether a read replica is configured." }),
    lagSeconds: t.exposeFloat("lagSeconds", { nullable: true }),
    replicas: t.expose("replicas", {
      type: [DatabaseReplicaRef],
      description: "Standbys the primary streams to.",
    }),
    error: t.exposeString("error", { nullable: true }),
  }),
});

const JobQueueStatRef = builder.objectRef<QueueStat>("JobQueueStat").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    queued: t.exposeInt("queued", { description: "Ready to run and waiting." }),
    deferred: t.exposeInt("deferred", { description: "Waiting for a later time." }),
    active: t.exposeInt("active"),
    failedLastDay: t.exposeInt("failedLastDay"),
    oldestWaitingSeconds: t.exposeFloat("oldestWaitingSeconds", { nullable: true }),
  }),
});

const DatabaseSequenceUsageRef = builder.objectRef<SequenceUsage>("DatabaseSequenceUsage").implement({
  fields: (t) => ({
    sequence: t.exposeString("sequence"),
    column: t.exposeString("column", { nullable: true }),
    columnType: t.exposeString("columnType", { nullable: true }),
    lastValue: t.exposeFloat("lastValue", { nullable: true }),
    maxValue: t.exposeFloat("maxValue"),
    usedRatio: t.exposeFloat("usedRatio"),
  }),
});

export const DatabaseHealthReportRef = builder
  .objectRef<DatabaseHealthReport>("DatabaseHealthReport")
  .implement({
    fields: (t) => ({
      status: t.expose("status", { type: DatabaseHealthStatusEnum }),
      generatedAt: t.expose("generatedAt", { type: "DateTime" }),
      roundTripMs: t.exposeFloat("roundTripMs"),
      server: t.expose("server", { type: DatabaseServerInfoRef }),
      checks: t.expose("checks", { type: [DatabaseHealthCheckRef] }),
      connections: t.expose("connections", { type: DatabaseConnectionsRef }),
      size: t.expose("size", { type: DatabaseSizeRef }),
      liveQueries: t.expose("liveQueries", { type: [DatabaseLiveQueryRef] }),
      blockedQueries: t.expose("blockedQueries", { type: [DatabaseBlockedQueryRef] }),
      queryStats: t.expose("queryStats", { type: DatabaseQueryStatsRef }),
      cacheHit: t.expose("cacheHit", { type: DatabaseCacheHitRef }),
      tables: t.expose("tables", { type: [DatabaseTableStatRef] }),
      indexes: t.expose("indexes", { type: [DatabaseIndexStatRef] }),
      foreignKeysWithoutIndex: t.expose("foreignKeysWithoutIndex", {
        type: [DatabaseForeignKeyWithoutIndexRef],
      }),
      transactionIdAge: t.exposeFloat("transactionIdAge", {
        description: "age(datfrozenxid) of this database.",
      }),
      partitions: t.expose("partitions", { type: [DatabasePartitionStatusRef] }),
      materializedViews: t.expose("materializedViews", { type: [DatabaseMaterializedViewRef] }),
      replication: t.expose("replication", { type: DatabaseReplicationRef }),
      queues: t.expose("queues", { type: [JobQueueStatRef] }),
      sequences: t.expose("sequences", { type: [DatabaseSequenceUsageRef] }),
    }),
  });

// A bucket of several minutes averages its counts; Int cannot carry the fraction.
export const DatabaseHealthSampleRef = builder.objectRef<HealthSample>("DatabaseHealthSample").implement({
  description: "One minute's headline figures (or a bucket's average, its status the worst).",
  fields: (t) => ({
    sampledAt: t.expose("sampledAt", { type: "DateTime" }),
    status: t.expose("status", { type: DatabaseHealthStatusEnum }),
    roundTripMs: t.exposeFloat("roundTripMs"),
    connectionsTotal: t.int({ resolve: (s) => Math.round(s.connectionsTotal) }),
    connectionsActive: t.int({ resolve: (s) => Math.round(s.connectionsActive) }),
    connectionsIdleInTransaction: t.int({ resolve: (s) => Math.round(s.connectionsIdleInTransaction) }),
    maxConnections: t.int({ resolve: (s) => Math.round(s.maxConnections) }),
    databaseBytes: t.exposeFloat("databaseBytes"),
    tableCacheHitRatio: t.exposeFloat("tableCacheHitRatio", { nullable: true }),
    indexCacheHitRatio: t.exposeFloat("indexCacheHitRatio", { nullable: true }),
    queueDepth: t.int({ resolve: (s) => Math.round(s.queueDepth) }),
    failedJobs: t.int({ resolve: (s) => Math.round(s.failedJobs) }),
    longestQuerySeconds: t.exposeFloat("longestQuerySeconds", { nullable: true }),
    blockedQueries: t.int({ resolve: (s) => Math.round(s.blockedQueries) }),
    transactionIdAge: t.exposeFloat("transactionIdAge"),
  }),
});
