// The sessions of this database right now, longest first, and which of them block which: an
// operator cancels a runaway statement, or ends a session that holds a lock everyone waits for.
"use client";

import {
  type BlockedQuery,
  CancelDatabaseBackendMutation,
  type LiveQuery,
} from "@/app/admin/health/health-operations";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useViewerMutation } from "@/lib/graphql/use-graphql";
import { ActionError } from "./action-error";
import { formatSeconds } from "./health-format";
import { QueryText } from "./query-text";
import { type Notify, useHealthAction } from "./use-health-action";

function BlockedPairs({ pairs }: { pairs: readonly BlockedQuery[] }) {
  if (pairs.length === 0) return null;
  return (
    <div className="border-b border-zinc-200 bg-amber-50 px-4 py-3">
      <h3 className="text-sm font-semibold text-amber-900">Waiting on a lock</h3>
      <ul className="mt-2 space-y-2 text-sm text-amber-900">
        {pairs.map((pair) => (
          <li key={`${pair.blockedPid}-${pair.blockingPid}`}>
            Session {pair.blockedPid} has waited {formatSeconds(pair.blockedSeconds)} for {pair.waitingFor}{" "}
            held by session {pair.blockingPid} ({pair.blockingState ?? "unknown state"},{" "}
            {formatSeconds(pair.blockingSeconds)}).
          </li>
        ))}
      </ul>
    </div>
  );
}

export function LiveQueries({
  queries,
  blocked,
  onNotice,
}: {
  queries: readonly LiveQuery[];
  blocked: readonly BlockedQuery[];
  onNotice: Notify;
}) {
  const cancelBackend = useViewerMutation(CancelDatabaseBackendMutation);
  const action = useHealthAction(onNotice);
  const blocking = new Set(queries.flatMap((query) => query.blockedBy));

  function signal(pid: number, terminate: boolean) {
    return action.run(
      `backend-${pid}`,
      async () => (await cancelBackend.mutateAsync({ input: { pid, terminate } })).cancelDatabaseBackend,
      terminate ? `Session ${pid} was terminated.` : `The query of session ${pid} was cancelled.`,
      terminate ? "Could not terminate the session." : "Could not cancel the query.",
    );
  }

  return (
    <Panel title="Live queries">
      <BlockedPairs pairs={blocked} />
      {queries.length === 0 ? (
        <EmptyState title="No other sessions are running statements">
          Sessions of this database that are active or idle in a transaction appear here.
        </EmptyState>
      ) : (
        <DataTable caption="Live queries">
          <thead>
            <tr>
              <Th className="text-right">PID</Th>
              <Th>Session</Th>
              <Th>State</Th>
              <Th className="text-right">Running for</Th>
              <Th>Query</Th>
              <Th className="relative">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {queries.map((query) => {
              const isBlocked = query.blockedBy.length > 0;
              const isBlocking = blocking.has(query.pid);
              const error = action.errorFor(`backend-${query.pid}`);
              return (
                <tr
                  key={query.pid}
                  className={isBlocking ? "bg-red-50" : isBlocked ? "bg-amber-50" : undefined}
                >
                  <Td className="text-right whitespace-nowrap tabular-nums">{query.pid}</Td>
                  <Td>
                    <span className="block text-zinc-900">{query.user ?? "—"}</span>
                    <span className="block text-xs text-zinc-500">
                      {query.application || "(no application)"}
                      {query.clientAddress ? ` · ${query.clientAddress}` : ""}
                    </span>
                  </Td>
                  <Td>
                    <span className="block">{query.state ?? "—"}</span>
                    {query.waitEventType ? (
                      <span className="block text-xs text-zinc-500">
                        waits: {query.waitEventType}
                        {query.waitEvent ? ` / ${query.waitEvent}` : ""}
                      </span>
                    ) : null}
                    <span className="mt-1 flex flex-wrap gap-1">
                      {isBlocked ? (
                        <Badge tone="warning">Blocked by {query.blockedBy.join(", ")}</Badge>
                      ) : null}
                      {isBlocking ? <Badge tone="danger">Blocking others</Badge> : null}
                    </span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatSeconds(query.durationSeconds)}
                  </Td>
                  <Td>
                    <QueryText query={query.query} />
                  </Td>
                  <Td className="text-right">
                    <div className="flex justify-end gap-2">
                      <ConfirmButton
                        label="Cancel"
                        ariaLabel={`Cancel the query of session ${query.pid}`}
                        title={`Cancel the query of session ${query.pid}?`}
                        description="The statement stops with an error; the session stays connected and its transaction is rolled back."
                        confirmLabel="Cancel query"
                        onConfirm={() => signal(query.pid, false)}
                      />
                      <ConfirmButton
                        label="Terminate"
                        ariaLabel={`Terminate session ${query.pid}`}
                        title={`Terminate session ${query.pid}?`}
                        description="The connection is closed and its open transaction rolled back. The application reconnects on its next request."
                        confirmLabel="Terminate session"
                        onConfirm={() => signal(query.pid, true)}
                      />
                    </div>
                    <ActionError message={error} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </Panel>
  );
}
