// The database health report: every collector's figures and lists, each check graded against the
// thresholds, and the overall status. Statements run one after another on `db` (a fixed number of
// them, never one per table or queue): on a pool they then hold one connection at a time, and the
// report's own session is the only one of ours it sees working.
import type { Executor } from "@markettina/db";
import { activityChecks, collectActivity } from "./activity.ts";
import { cacheHitChecks, collectCacheHit, hitRatio } from "./cache-hit.ts";
import { collectConnections, connectionChecks } from "./connections.ts";
import { collectDatabaseSize, databaseSizeCheck } from "./database-size.ts";
import type { HealthDeps } from "./deps.ts";
import { overallStatus } from "./grade.ts";
import { collectForeignKeysWithoutIndex, collectIndexes, indexChecks } from "./indexes.ts";
import { collectMaterializedViews, materializedViewCheck } from "./materialized-views.ts";
import { collectPartitions, partitionCheck } from "./partitions.ts";
import { collectQueues, queueChecks } from "./queues.ts";
import { collectStandbys, measureReplica, replicationCheck } from "./replication.ts";
import { type DatabaseHealthReport, HEALTH_CHECK_KEYS, type HealthCheck } from "./report.ts";
import { collectSequences, sequenceCheck } from "./sequences.ts";
import { collectServerInfo, connectivityCheck, measureRoundTrip } from "./server.ts";
import { collectStatements, statementCheck } from "./statements.ts";
import { collectTables, tableChecks } from "./tables.ts";
import { collectTransactionIdAge, wraparoundCheck } from "./wraparound.ts";

/** Every check and list, without authorization: the sampler's and getDatabaseHealth's common part. */
export async function collectHealthReport(
  db: Executor,
  deps: HealthDeps,
  now: Date = new Date(),
): Promise<DatabaseHealthReport> {
  const t = deps.thresholds;
  // The replica is another server: ask it while this one answers.
  const replicaMeasure = measureReplica(deps.replica);
  // First and alone, so that it times nothing but the round trip.
  const roundTripMs = await measureRoundTrip(db);
  const server = await collectServerInfo(db);
  const connections = await collectConnections(db);
  const activity = await collectActivity(db);
  const statements = await collectStatements(db, t);
  const cache = await collectCacheHit(db);
  const size = await collectDatabaseSize(db, now);
  const transactionIdAge = await collectTransactionIdAge(db);
  const standbys = await collectStandbys(db);
  const tables = await collectTables(db);
  const indexes = await collectIndexes(db, t);
  const foreignKeys = await collectForeignKeysWithoutIndex(db);
  const partitions = await collectPartitions(db, now);
  const materializedViews = await collectMaterializedViews(db);
  const queues = await collectQueues(db);
  const sequences = await collectSequences(db);
  const replication = { ...(await replicaMeasure), replicas: standbys };

  const checks = orderChecks([
    connectivityCheck(roundTripMs, t),
    ...connectionChecks(connections, t),
    databaseSizeCheck(size, t),
    ...activityChecks(activity, t),
    statementCheck(statements, t),
    ...tableChecks(tables, t),
    ...cacheHitChecks(cache, t),
    ...indexChecks(indexes, foreignKeys, t),
    wraparoundCheck(transactionIdAge, t),
    partitionCheck(partitions, t),
    materializedViewCheck(materializedViews, t),
    replicationCheck(replication, t),
    ...queueChecks(queues, t),
    sequenceCheck(sequences, t),
  ]);

  return {
    status: overallStatus(checks),
    generatedAt: now,
    roundTripMs,
    server,
    checks,
    connections: connections.summary,
    size,
    liveQueries: activity.liveQueries,
    blockedQueries: activity.blockedQueries,
    queryStats: statements.stats,
    cacheHit: { tables: hitRatio(cache.tables), indexes: hitRatio(cache.indexes) },
    tables,
    indexes,
    foreignKeysWithoutIndex: foreignKeys,
    transactionIdAge,
    partitions,
    materializedViews,
    replication,
    queues,
    sequences,
  };
}

/** In HEALTH_CHECK_KEYS' order, the order the page shows them in. */
function orderChecks(checks: HealthCheck[]): HealthCheck[] {
  const position = (check: HealthCheck) => HEALTH_CHECK_KEYS.indexOf(check.key);
  return [...checks].sort((a, b) => position(a) - position(b));
}
