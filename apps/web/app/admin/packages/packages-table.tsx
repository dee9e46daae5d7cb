"use client";

import { CatalogTable } from "@/components/admin/catalog-table";
import { useToggleActive } from "@/components/admin/use-toggle-active";
import { Td, Th } from "@/components/ui/data-table";
import { formatMoney, formatTokens } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerQuery } from "@/lib/graphql/use-graphql";
import { AdminTokenPackagesQuery, UpdateTokenPackageMutation } from "./packages-operations";

export type TokenPackage = ResultOf<typeof AdminTokenPackagesQuery>["tokenPackages"][number];

export function PackagesTable({ onEdit }: { onEdit: (tokenPackage: TokenPackage) => void }) {
  const packages = useViewerQuery(AdminTokenPackagesQuery, {});
  const toggle = useToggleActive(UpdateTokenPackageMutation, {
    payloadOf: (result) => result.updateTokenPackage,
    listQuery: "AdminTokenPackages",
    failure: "Could not change the package.",
  });

  return (
    <CatalogTable
      query={packages}
      items={(data) => data.tokenPackages}
      loadingLabel="Loading packages…"
      empty={<EmptyState title="No packages yet">Create the first one.</EmptyState>}
      caption="Packages"
      columns={
        <>
          <Th>Name</Th>
          <Th className="text-right">Tokens</Th>
          <Th className="text-right">Bonus</Th>
          <Th className="text-right">Price</Th>
          <Th className="text-right">Order</Th>
        </>
      }
      cells={(tokenPackage) => (
        <>
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
        </>
      )}
      activeLabel="On sale"
      nameOf={(tokenPackage) => tokenPackage.name}
      onEdit={onEdit}
      toggle={toggle}
    />
  );
}
