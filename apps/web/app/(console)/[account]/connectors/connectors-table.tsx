"use client";

import { KIND_LABELS } from "@/components/connectors/connector-form-input";
import { EnabledSwitch } from "@/components/connectors/enabled-switch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { type Connector, targetSummary } from "./connector-model";
import type { useConnectorActions } from "./use-connector-actions";

type Actions = ReturnType<typeof useConnectorActions>;

/** The account's connectors; owners and admins get the switch and the actions on each row. */
export function ConnectorsTable({
  connectors,
  canManage,
  actions,
  onEdit,
}: {
  connectors: readonly Connector[];
  canManage: boolean;
  actions: Actions;
  onEdit: (connector: Connector) => void;
}) {
  return (
    <DataTable caption="Connectors">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Enabled</Th>
          <Th>Sends to</Th>
          <Th>Created</Th>
          {canManage ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {connectors.map((connector) => {
          const target = targetSummary(connector.kind, connector.config);
          return (
            <tr key={connector.id}>
              <Td className="font-medium text-zinc-900">{connector.name}</Td>
              <Td>
                <Badge tone={connector.kind === "LOG" ? "neutral" : "accent"}>
                  {KIND_LABELS[connector.kind]}
                </Badge>
              </Td>
              <Td>
                {canManage ? (
                  <EnabledSwitch
                    checked={connector.enabled}
                    label={`${connector.name} enabled`}
                    pending={actions.pendingId === connector.id}
                    onChange={(next) => actions.setEnabled(connector, next)}
                  />
                ) : (
                  <Badge tone={connector.enabled ? "success" : "neutral"}>
                    {connector.enabled ? "Enabled" : "Disabled"}
                  </Badge>
                )}
              </Td>
              <Td className="max-w-xs truncate">
                {target ?? <span className="text-zinc-400">Shown to owners and admins</span>}
              </Td>
              <Td>{formatDate(connector.createdAt)}</Td>
              {canManage ? (
                <Td>
                  <div className="flex justify-end gap-2">
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Edit ${connector.name}`}
                      onClick={() => onEdit(connector)}
                    >
                      Edit
                    </Button>
                    {connector.kind === "WEBHOOK" ? (
                      <ConfirmButton
                        label="Rotate secret"
                        ariaLabel={`Rotate the signing secret of ${connector.name}`}
                        title={`Rotate the signing secret of “${connector.name}”?`}
                        description="A new secret signs every delivery from now on and the old one stops working at once: give the receiver the new one before the next post goes out."
                        confirmLabel="Rotate secret"
                        onConfirm={() => actions.rotateSecret(connector)}
                      />
                    ) : null}
                    <ConfirmButton
                      label="Delete"
                      ariaLabel={`Delete ${connector.name}`}
                      title={`Delete “${connector.name}”?`}
                      description="It is removed for good. A connector that posts were scheduled or published through cannot be deleted: disable it instead."
                      confirmLabel="Delete connector"
                      onConfirm={() => actions.deleteConnector(connector)}
                    />
                  </div>
                </Td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
