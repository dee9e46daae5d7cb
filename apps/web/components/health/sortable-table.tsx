// A table the reader sorts by clicking (or pressing Enter/Space on) a column header's button;
// TanStack Table v9 keeps the order, the header says it to assistive tech with aria-sort.
"use client";

import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useState } from "react";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { ShowAll } from "./show-all";

type SortableColumnMeta = {
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
};

// Module scope: TanStack Table recomputes its models whenever features or columns change identity.
export const sortableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnMeta: metaHelper<SortableColumnMeta>(),
});

export type SortableFeatures = typeof sortableFeatures;

export function sortableColumns<TData extends RowData>() {
  return createColumnHelper<SortableFeatures, TData>();
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function SortableTable<TData extends RowData>({
  caption,
  columns,
  data,
  initialSorting,
  getRowId,
  rowClassName,
  initialRows,
  noun,
}: {
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: each column has its own value type; TanStack's helper.columns() returns this shape.
  columns: ColumnDef<SortableFeatures, TData, any>[];
  data: TData[];
  initialSorting: SortingState;
  getRowId: (row: TData) => string;
  rowClassName?: (row: TData) => string;
  /** Rows shown until the reader asks for all (the first of the sorted order). */
  initialRows: number;
  /** What the rows are, for "Showing 15 of 140 tables". */
  noun: string;
}) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [expanded, setExpanded] = useState(false);
  const table = useTable({
    features: sortableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const rows = table.getRowModel().rows;
  const shown = expanded ? rows : rows.slice(0, initialRows);

  return (
    <>
      <DataTable caption={caption}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const numeric = header.column.columnDef.meta?.numeric;
                // relative: keeps a header's sr-only text inside the table's scroll box.
                if (header.isPlaceholder) return <Th key={header.id} className="relative" />;
                if (!header.column.getCanSort()) {
                  return (
                    <Th key={header.id} className={`relative ${numeric ? "text-right" : ""}`}>
                      <table.FlexRender header={header} />
                    </Th>
                  );
                }
                const direction = header.column.getIsSorted();
                return (
                  <Th
                    key={header.id}
                    aria-sort={direction ? ARIA_SORT[direction] : "none"}
                    className={numeric ? "text-right" : ""}
                  >
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={`inline-flex items-center gap-1 rounded-sm font-semibold uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-600 ${numeric ? "flex-row-reverse" : ""}`}
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className={direction ? "text-zinc-900" : "text-zinc-300"}>
                        {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                      </span>
                    </button>
                  </Th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {shown.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original) ?? ""}>
              {row.getAllCells().map((cell) => (
                <Td
                  key={cell.id}
                  className={
                    cell.column.columnDef.meta?.numeric ? "text-right whitespace-nowrap tabular-nums" : ""
                  }
                >
                  <table.FlexRender cell={cell} />
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <ShowAll
        shown={shown.length}
        total={rows.length}
        expanded={expanded}
        onToggle={() => setExpanded((value) => !value)}
        noun={noun}
      />
    </>
  );
}
