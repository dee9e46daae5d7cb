"use client";

import { useConsole } from "@/components/console/console-context";
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountQuery } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { ApiKeysQuery, RevokeApiKeyMutation } from "./api-keys-operations";

export function ApiKeysTable() {
  const { canManage } = useConsole();
  const apiKeys = useAccountQuery(ApiKeysQuery, {});
  const revokeApiKey = useAccountMutation(RevokeApiKeyMutation);
  const { error, run } = useRowAction(["ApiKeys"]);
  const revoke = (id: string) =>
    run(
      async () => (await revokeApiKey.mutateAsync({ input: { id } })).revokeApiKey,
      "Could not revoke the key.",
    );

  if (apiKeys.isPending) return <LoadingState label="Loading API keys…" />;
  if (apiKeys.isError) return <ErrorState error={apiKeys.error} onRetry={() => apiKeys.refetch()} />;

  const { nodes } = apiKeys.data.apiKeys;
  if (nodes.length === 0) {
    return <EmptyState title="No API keys yet">Create one to let another system call the API.</EmptyState>;
  }
  return (
    <>
      <DataTable caption="API keys">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Prefix</Th>
            <Th>Scopes</Th>
            <Th>Status</Th>
            <Th>Last used</Th>
            <Th>Created</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((apiKey) => (
            <tr key={apiKey.id}>
              <Td className="font-medium text-zinc-900">{apiKey.name}</Td>
              <Td className="font-mono text-xs">{apiKey.prefix}…</Td>
              <Td>
                <ul className="flex flex-wrap gap-1">
                  {apiKey.scopes.map((scope) => (
                    <li
                      key={scope}
                      className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700"
                    >
                      {scope}
                    </li>
                  ))}
                </ul>
              </Td>
              <Td>
                <Badge tone={statusTone(apiKey.status)}>{enumLabel(apiKey.status)}</Badge>
                {apiKey.expiresAt && apiKey.status === "ACTIVE" ? (
                  <span className="ml-2 text-xs text-zinc-500">until {formatDate(apiKey.expiresAt)}</span>
                ) : null}
              </Td>
              <Td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}</Td>
              <Td>
                {formatDate(apiKey.createdAt)}
                {apiKey.createdBy ? (
                  <span className="block text-xs text-zinc-500">{apiKey.createdBy.name}</span>
                ) : null}
              </Td>
              <Td className="text-right">
                {canManage && apiKey.status === "ACTIVE" ? (
                  <ConfirmButton
                    label="Revoke"
                    ariaLabel={`Revoke ${apiKey.name}`}
                    title={`Revoke “${apiKey.name}”?`}
                    description="Requests with this key will be refused from now on. This cannot be undone."
                    confirmLabel="Revoke key"
                    onConfirm={() => revoke(apiKey.id)}
                  />
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="px-4">
        <FieldError message={error} />
      </div>
    </>
  );
}
