// A platform catalog list (packages, prices, promo codes): the query's states, then the item's own
// columns followed by Status and the row actions, and the last activate/deactivate error underneath.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { CatalogRowActions } from "./catalog-row-actions";
import type { ToggleActive } from "./use-toggle-active";

type CatalogItem = { id: string; active: boolean };

export function CatalogTable<TData, TItem extends CatalogItem>({
  query,
  items,
  loadingLabel,
  empty,
  caption,
  columns,
  cells,
  activeLabel = "Active",
  nameOf,
  onEdit,
  toggle,
}: {
  query: UseQueryResult<TData>;
  items: (data: TData) => readonly TItem[];
  loadingLabel: string;
  empty: ReactNode;
  caption: string;
  /** The <Th>s of the item's own columns. */
  columns: ReactNode;
  /** The <Td>s of the item's own columns. */
  cells: (item: TItem) => ReactNode;
  /** The status badge of an active item. */
  activeLabel?: string;
  nameOf: (item: TItem) => string;
  onEdit: (item: TItem) => void;
  toggle: ToggleActive;
}) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const nodes = items(query.data);
  if (nodes.length === 0) return empty;

  return (
    <>
      <DataTable caption={caption}>
        <thead>
          <tr>
            {columns}
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((item) => (
            <tr key={item.id}>
              {cells(item)}
              <Td>
                <Badge tone={item.active ? "success" : "neutral"}>
                  {item.active ? activeLabel : "Inactive"}
                </Badge>
              </Td>
              <CatalogRowActions
                name={nameOf(item)}
                active={item.active}
                disabled={toggle.isPending}
                onEdit={() => onEdit(item)}
                onToggle={() => toggle.setActive(item.id, !item.active)}
              />
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="px-4">
        <FieldError message={toggle.error} />
      </div>
    </>
  );
}
