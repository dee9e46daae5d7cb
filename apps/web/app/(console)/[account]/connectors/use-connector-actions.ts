// The list's one-click actions on a connector (enable/disable, rotate its secret, delete), with
// the one problem to show under the list. A delete refused because posts use the connector
// (CONFLICT) names the way out: disabling it, which stops publishing and keeps its history.
"use client";

import { useState } from "react";
import type { ShownSecret } from "@/components/connectors/signing-secret-notice";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { CONNECTOR_QUERIES, type Connector } from "./connector-model";
import {
  DeleteConnectorMutation,
  RotateConnectorSecretMutation,
  UpdateConnectorMutation,
} from "./connectors-operations";

export type ConnectorProblem = { message: string; disableInstead?: Connector };

export function useConnectorActions(onSecret: (shown: ShownSecret) => void) {
  const update = useAccountMutation(UpdateConnectorMutation);
  const rotate = useAccountMutation(RotateConnectorSecretMutation);
  const remove = useAccountMutation(DeleteConnectorMutation);
  const refresh = useRefreshAccountQueries();
  const [problem, setProblem] = useState<ConnectorProblem | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  async function run(connector: Connector, action: () => Promise<void>, failure: string) {
    setProblem(null);
    setPendingId(connector.id);
    try {
      await action();
    } catch (error) {
      setProblem({ message: error instanceof Error ? error.message : failure });
    } finally {
      setPendingId(null);
      await refresh(CONNECTOR_QUERIES);
    }
  }

  const setEnabled = (connector: Connector, enabled: boolean) =>
    run(
      connector,
      async () => {
        const { updateConnector } = await update.mutateAsync({ input: { id: connector.id, enabled } });
        if (updateConnector.userErrors[0]) setProblem({ message: updateConnector.userErrors[0].message });
      },
      enabled ? "Could not enable the connector." : "Could not disable the connector.",
    );

  const rotateSecret = (connector: Connector) =>
    run(
      connector,
      async () => {
        const { rotateConnectorSecret: payload } = await rotate.mutateAsync({ input: { id: connector.id } });
        if (payload.userErrors[0]) setProblem({ message: payload.userErrors[0].message });
        else if (payload.signingSecret)
          onSecret({ connectorName: connector.name, secret: payload.signingSecret, reason: "rotated" });
      },
      "Could not rotate the secret.",
    );

  const deleteConnector = (connector: Connector) =>
    run(
      connector,
      async () => {
        const { deleteConnector: payload } = await remove.mutateAsync({ input: { id: connector.id } });
        const error = payload.userErrors[0];
        if (!error) return;
        const inUse = error.code === "CONFLICT" && connector.enabled;
        setProblem({
          message: `“${connector.name}” was not deleted. ${error.message}`,
          ...(inUse ? { disableInstead: connector } : {}),
        });
      },
      "Could not delete the connector.",
    );

  return {
    problem,
    pendingId,
    dismissProblem: () => setProblem(null),
    setEnabled,
    rotateSecret,
    deleteConnector,
  };
}
