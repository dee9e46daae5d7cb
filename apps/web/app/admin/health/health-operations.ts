// Documents of the Database health page: the report, its minute samples, and the four audited
// admin actions (cancel/terminate a backend, reset statement statistics, ANALYZE, EXPLAIN).
import { graphql, type ResultOf } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

export const DatabaseHealthQuery = graphql(`
  query DatabaseHealth {
    databaseHealth {
      status
      generatedAt
      roundTripMs
      server {
        version
        database
        startedAt
        maxConnections
        statsResetAt
        seesAllSessions
      }
      checks {
        key
        label
        status
        value
        unit
        direction
        warnAt
        failAt
        message
      }
      connections {
        total
        active
        idleInTransaction
        max
        usable
        byState {
          name
          count
        }
        byApplication {
          name
          count
        }
      }
      size {
        bytes
        growthBytesPerDay
      }
      liveQueries {
        pid
        user
        application
        clientAddress
        state
        waitEventType
        waitEvent
        backendStartedAt
        transactionStartedAt
        queryStartedAt
        durationSeconds
        query
        blockedBy
      }
      blockedQueries {
        blockedPid
        blockedQuery
        blockedSeconds
        waitingFor
        blockingPid
        blockingQuery
        blockingState
        blockingSeconds
      }
      queryStats {
        available
        resetAt
        top {
          queryId
          query
          calls
          totalMs
          meanMs
          rows
          share
          cacheHitRatio
        }
      }
      cacheHit {
        tables
        indexes
      }
      tables {
        schema
        name
        liveTuples
        deadTuples
        deadRatio
        lastVacuum
        lastAutovacuum
        lastAnalyze
        lastAutoanalyze
        totalBytes
        tableBytes
        indexBytes
        seqScans
        indexScans
        seqTuplesRead
      }
      indexes {
        schema
        table
        name
        bytes
        scans
        unique
        primary
        valid
        unused
        duplicateOf
        definition
      }
      foreignKeysWithoutIndex {
        table
        constraint
        columns
        referencedTable
        tableRows
      }
      transactionIdAge
      partitions {
        table
        presentMonths
        missingMonths
        defaultPartitionRows
      }
      materializedViews {
        name
        populated
        refreshedAt
        ageSeconds
        bytes
      }
      replication {
        configured
        lagSeconds
        error
        replicas {
          applicationName
          clientAddress
          state
          replayLagSeconds
        }
      }
      queues {
        name
        queued
        deferred
        active
        failedLastDay
        oldestWaitingSeconds
      }
      sequences {
        sequence
        column
        columnType
        lastValue
        maxValue
        usedRatio
      }
    }
  }
`);

export const DatabaseHealthHistoryQuery = graphql(`
  query DatabaseHealthHistory($hours: Int!) {
    databaseHealthHistory(hours: $hours) {
      sampledAt
      status
      roundTripMs
      connectionsTotal
      connectionsActive
      connectionsIdleInTransaction
      maxConnections
      databaseBytes
      tableCacheHitRatio
      indexCacheHitRatio
      queueDepth
      failedJobs
      longestQuerySeconds
      blockedQueries
    }
  }
`);

export const CancelDatabaseBackendMutation = graphql(
  `
  mutation CancelDatabaseBackend($input: CancelDatabaseBackendInput!) {
    cancelDatabaseBackend(input: $input) {
      pid
      terminated
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const ResetQueryStatsMutation = graphql(
  `
  mutation ResetQueryStats {
    resetQueryStats {
      resetAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const AnalyzeTableMutation = graphql(
  `
  mutation AnalyzeTable($input: AnalyzeTableInput!) {
    analyzeTable(input: $input) {
      table
      analyzedAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const ExplainQueryMutation = graphql(
  `
  mutation ExplainQuery($input: ExplainQueryInput!) {
    explainQuery(input: $input) {
      plan {
        queryId
        query
        plan
        analyzed
        generic
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export type HealthReport = ResultOf<typeof DatabaseHealthQuery>["databaseHealth"];
export type HealthCheck = HealthReport["checks"][number];
export type HealthCheckStatus = HealthCheck["status"];
export type LiveQuery = HealthReport["liveQueries"][number];
export type BlockedQuery = HealthReport["blockedQueries"][number];
export type TopQuery = HealthReport["queryStats"]["top"][number];
export type TableStat = HealthReport["tables"][number];
export type IndexStat = HealthReport["indexes"][number];
export type HealthSample = ResultOf<typeof DatabaseHealthHistoryQuery>["databaseHealthHistory"][number];

/** Operation names whose cached results an admin action makes stale. */
export const HEALTH_QUERIES = ["DatabaseHealth", "DatabaseHealthHistory"] as const;
