"use client";

import { ConnectorForm } from "@/components/connectors/connector-form";
import {
  EMPTY_CONNECTOR_FORM,
  toConnectorConfig,
  toConnectorForm,
} from "@/components/connectors/connector-form-input";
import type { ShownSecret } from "@/components/connectors/signing-secret-notice";
import { Modal } from "@/components/ui/modal";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { CONNECTOR_QUERIES, type Connector, storedHeaderNames } from "./connector-model";
import { CreateConnectorMutation, UpdateConnectorMutation } from "./connectors-operations";

/** "New connector": on success it closes; a webhook's signing secret goes to the page, shown once. */
export function CreateConnectorDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (name: string, secret: ShownSecret | null) => void;
}) {
  const create = useAccountMutation(CreateConnectorMutation);
  const refresh = useRefreshAccountQueries();
  return (
    <Modal
      open={open}
      onClose={() => (create.isPending ? undefined : onClose())}
      title="New connector"
      description="Where scheduled posts go: an email list, your own endpoint, or the server log."
    >
      {open ? (
        <ConnectorForm
          label="New connector"
          initial={EMPTY_CONNECTOR_FORM}
          submitLabel="Create connector"
          onCancel={onClose}
          onSave={async (values) => {
            const { createConnector: payload } = await create.mutateAsync({
              input: {
                kind: values.kind,
                name: values.name,
                enabled: values.enabled,
                config: toConnectorConfig(values),
              },
            });
            if (payload.userErrors.length > 0) return payload.userErrors;
            const name = payload.connector?.name ?? values.name;
            await refresh(CONNECTOR_QUERIES);
            onCreated(
              name,
              payload.signingSecret
                ? { connectorName: name, secret: payload.signingSecret, reason: "created" }
                : null,
            );
            return [];
          }}
        />
      ) : null}
    </Modal>
  );
}

/** "Edit connector": name, settings and enabled; its kind stays. */
export function EditConnectorDialog({
  connector,
  onClose,
  onSaved,
}: {
  connector: Connector | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const update = useAccountMutation(UpdateConnectorMutation);
  const refresh = useRefreshAccountQueries();
  return (
    <Modal
      open={connector !== null}
      onClose={() => (update.isPending ? undefined : onClose())}
      title={connector ? `Edit “${connector.name}”` : "Edit connector"}
    >
      {connector ? (
        <ConnectorForm
          key={connector.id}
          label="Edit connector"
          initial={toConnectorForm(connector)}
          storedHeaders={storedHeaderNames(connector.config)}
          submitLabel="Save changes"
          onCancel={onClose}
          onSave={async (values) => {
            const { updateConnector: payload } = await update.mutateAsync({
              input: {
                id: connector.id,
                name: values.name,
                enabled: values.enabled,
                config: toConnectorConfig(values),
              },
            });
            if (payload.userErrors.length > 0) return payload.userErrors;
            await refresh(CONNECTOR_QUERIES);
            onSaved(payload.connector?.name ?? values.name);
            return [];
          }}
        />
      ) : null}
    </Modal>
  );
}
