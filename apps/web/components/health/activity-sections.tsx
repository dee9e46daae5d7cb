// Compact sections about who uses the database: connections by state and by application, the
// job queues (pg-boss), and replication.
import type { HealthReport } from "@/app/admin/health/health-operations";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { formatCount, formatRatio, formatSeconds } from "./health-format";

function CountList({ title, counts }: { title: string; counts: HealthReport["connections"]["byState"] }) {
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase">{title}</h3>
      {counts.length === 0 ? (
        <p className="text-sm text-zinc-500">None.</p>
      ) : (
        <dl className="space-y-1 text-sm">
          {counts.map((count) => (
            <div key={count.name} className="flex justify-between gap-4">
              <dt className="truncate text-zinc-700">{count.name || "(none)"}</dt>
              <dd className="font-medium text-zinc-900 tabular-nums">{formatCount(count.count)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function ConnectionsBreakdown({ connections }: { connections: HealthReport["connections"] }) {
  return (
    <Panel title="Connections">
      <div className="grid gap-6 p-4 sm:grid-cols-3">
        <div className="text-sm text-zinc-700">
          <p className="text-2xl font-semibold text-zinc-900 tabular-nums">
            {formatCount(connections.total)}
            <span className="text-base font-normal text-zinc-500"> / {formatCount(connections.usable)}</span>
          </p>
          <p>
            {`in use on the server (${formatRatio(connections.usable ? connections.total / connections.usable : 0)} of the usable connections; max_connections ${formatCount(connections.max)}).`}
          </p>
          <p className="mt-2">
            {`${formatCount(connections.active)} active, ${formatCount(connections.idleInTransaction)} idle in a transaction.`}
          </p>
        </div>
        <CountList title="This database by state" counts={connections.byState} />
        <CountList title="This database by application" counts={connections.byApplication} />
      </div>
    </Panel>
  );
}

export function QueuesList({ queues }: { queues: HealthReport["queues"] }) {
  return (
    <Panel title="Job queues">
      {queues.length === 0 ? (
        <EmptyState title="No job queues yet" />
      ) : (
        <DataTable caption="Job queues">
          <thead>
            <tr>
              <Th>Queue</Th>
              <Th className="text-right">Waiting</Th>
              <Th className="text-right">Deferred</Th>
              <Th className="text-right">Active</Th>
              <Th className="text-right">Failed (24 h)</Th>
              <Th className="text-right">Oldest waiting</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {queues.map((queue) => (
              <tr key={queue.name}>
                <Td className="font-medium text-zinc-900">{queue.name}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatCount(queue.queued)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatCount(queue.deferred)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatCount(queue.active)}</Td>
                <Td
                  className={`text-right whitespace-nowrap tabular-nums ${queue.failedLastDay ? "text-red-700" : ""}`}
                >
                  {formatCount(queue.failedLastDay)}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {formatSeconds(queue.oldestWaitingSeconds)}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Panel>
  );
}

export function ReplicationSection({ replication }: { replication: HealthReport["replication"] }) {
  return (
    <Panel title="Replication">
      <div className="space-y-3 p-4 text-sm text-zinc-700">
        {replication.configured ? (
          <p>
            The configured replica is{" "}
            <span className="font-medium text-zinc-900">
              {replication.lagSeconds === null
                ? "not measured"
                : `${formatSeconds(replication.lagSeconds)} behind`}
            </span>
            .
          </p>
        ) : (
          <p>No read replica is configured (DATABASE_REPLICA_URL).</p>
        )}
        {replication.error ? (
          <p role="alert" className="text-red-700">
            {replication.error}
          </p>
        ) : null}
        {replication.replicas.length > 0 ? (
          <ul className="space-y-1">
            {replication.replicas.map((replica) => (
              <li
                key={`${replica.applicationName}-${replica.clientAddress}`}
                className="flex flex-wrap gap-2"
              >
                <span className="font-medium text-zinc-900">
                  {replica.applicationName || "(unnamed standby)"}
                </span>
                {replica.clientAddress ? (
                  <span className="text-zinc-500">{replica.clientAddress}</span>
                ) : null}
                {replica.state ? <Badge>{replica.state}</Badge> : null}
                <span>replay lag {formatSeconds(replica.replayLagSeconds)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-zinc-500">No standby streams from this server.</p>
        )}
      </div>
    </Panel>
  );
}
