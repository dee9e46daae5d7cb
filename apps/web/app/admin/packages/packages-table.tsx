"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatMoney, formatTokens } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerMutation, useViewerQuery, viewerQueryKey } from "@/lib/graphql/use-graphql";
import { AdminTokenPackagesQuery, UpdateTokenPackageMutation } from "./packages-operations";

export type TokenPackage = ResultOf<typeof AdminTokenPackagesQuery>["tokenPackages"][number];

export function PackagesTable({ onEdit }: { onEdit: (tokenPackage: TokenPackage) => void }) {
  const packages = useViewerQuery(AdminTokenPackagesQuery, {});
  const update = useViewerMutation(UpdateTokenPackageMutation);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();

  async function setActive(tokenPackage: TokenPackage, active: boolean) {
    setError(undefined);
    try {
      const { updateTokenPackage: payload } = await update.mutateAsync({
        input: { id: tokenPackage.id, active },
      });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the package.");
    }
    await queryClient.invalidateQueries({ queryKey: viewerQueryKey("AdminTokenPackages") });
  }

  if (packages.isPending) return <LoadingState label="Loading packages…" />;
  if (packages.isError) return <ErrorState error={packages.error} onRetry={() => packages.refetch()} />;
  const nodes = packages.data.tokenPackages;
  if (nodes.length === 0) return <EmptyState title="No packages yet">Create the first one.</EmptyState>;

  return (
    <>
      <DataTable caption="Packages">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th className="text-right">Tokens</Th>
            <Th className="text-right">Bonus</Th>
            <Th className="text-right">Price</Th>
            <Th className="text-right">Order</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((tokenPackage) => (
            <tr key={tokenPackage.id}>
              <Td className="font-medium text-zinc-900">
                {tokenPackage.name}
                {tokenPackage.description ? (
                  <span className="block text-xs font-normal text-zinc-500">{tokenPackage.description}</span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">{formatTokens(tokenPackage.tokens)}</Td>
              <Td className="text-right tabular-nums">{formatTokens(tokenPackage.bonusTokens)}</Td>
              <Td className="text-right tabular-nums">
                {formatMoney(tokenPackage.priceMinor, tokenPackage.currency)}
              </Td>
              <Td className="text-right tabular-nums">{tokenPackage.sortOrder}</Td>
              <Td>
                <Badge tone={tokenPackage.active ? "success" : "neutral"}>
                  {tokenPackage.active ? "On sale" : "Inactive"}
                </Badge>
              </Td>
              <Td className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Edit ${tokenPackage.name}`}
                    onClick={() => onEdit(tokenPackage)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant={tokenPackage.active ? "danger" : "ghost"}
                    size="sm"
                    aria-label={`${tokenPackage.active ? "Deactivate" : "Activate"} ${tokenPackage.name}`}
                    disabled={update.isPending}
                    onClick={() => setActive(tokenPackage, !tokenPackage.active)}
                  >
                    {tokenPackage.active ? "Deactivate" : "Activate"}
                  </Button>
                </div>
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
