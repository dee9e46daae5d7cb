"use client";

import { useState } from "react";
import { type ShownSecret, SigningSecretNotice } from "@/components/connectors/signing-secret-notice";
import { useConsole } from "@/components/console/console-context";
import { Button } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { CreateConnectorDialog, EditConnectorDialog } from "./connector-dialogs";
import type { Connector } from "./connector-model";
import { ConnectorsQuery } from "./connectors-operations";
import { ConnectorsTable } from "./connectors-table";
import { type ConnectorProblem, useConnectorActions } from "./use-connector-actions";

/** The account's connectors. Everyone sees which exist (to schedule posts through them); owners
 * and admins see where they send and add, change, disable or delete them. */
export function ConnectorsView() {
  const { canManage } = useConsole();
  const connectors = useAccountQuery(ConnectorsQuery, {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Connector | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const actions = useConnectorActions((shown) => {
    setStatus(null);
    setSecret(shown);
  });

  return (
    <>
      <PageHeader
        title="Connectors"
        description="Where scheduled posts are published: email over SMTP, a signed webhook to your own system, or the server log."
      >
        {canManage ? (
          <Button
            onClick={() => {
              setStatus(null);
              setCreating(true);
            }}
          >
            New connector
          </Button>
        ) : null}
      </PageHeader>
      {canManage ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can see which connectors exist, to schedule posts through them. Owners and admins add, change
          and remove connectors, and see where they send.
        </p>
      )}
      {secret ? <SigningSecretNotice shown={secret} onDismiss={() => setSecret(null)} /> : null}
      {status ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">
          {status}
        </p>
      ) : null}
      <Panel title="Connectors">
        {connectors.isPending ? (
          <LoadingState label="Loading connectors…" />
        ) : connectors.isError ? (
          <ErrorState error={connectors.error} onRetry={() => connectors.refetch()} />
        ) : connectors.data.connectors.nodes.length === 0 ? (
          <EmptyState title="No connectors yet">
            {canManage ? "Add one to publish scheduled posts." : "Owners and admins can add one."}
          </EmptyState>
        ) : (
          <ConnectorsTable
            connectors={connectors.data.connectors.nodes}
            canManage={canManage}
            actions={actions}
            onEdit={(connector) => {
              setStatus(null);
              setEditing(connector);
            }}
          />
        )}
        {actions.problem ? <ProblemNotice problem={actions.problem} actions={actions} /> : null}
      </Panel>
      <CreateConnectorDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name, shown) => {
          setCreating(false);
          if (shown) setSecret(shown);
          else setStatus(`Connector “${name}” created.`);
        }}
      />
      <EditConnectorDialog
        connector={editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          setStatus(`Connector “${name}” saved.`);
        }}
      />
    </>
  );
}

function ProblemNotice({
  problem,
  actions,
}: {
  problem: ConnectorProblem;
  actions: ReturnType<typeof useConnectorActions>;
}) {
  const connector = problem.disableInstead;
  return (
    <div role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p>{problem.message}</p>
      {connector ? (
        <p className="mt-2">
          Disabling it stops it publishing and keeps its history; you can enable it again at any time.
        </p>
      ) : null}
      <div className="mt-3 flex gap-2">
        {connector ? (
          <Button variant="secondary" size="sm" onClick={() => actions.setEnabled(connector, false)}>
            Disable “{connector.name}”
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={actions.dismissProblem}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
