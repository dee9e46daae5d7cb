// Every index with its size and how often it was scanned, flagged when it costs writes for nothing
// (unused), repeats another (duplicate) or cannot be used at all (invalid, e.g. a failed
// CREATE INDEX CONCURRENTLY).
"use client";

import type { IndexStat } from "@/app/admin/health/health-operations";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { formatBytes, formatCount } from "./health-format";
import { SortableTable, sortableColumns } from "./sortable-table";

/** Worst problem first when sorted descending: invalid, then duplicate, then unused. */
function problemRank(index: IndexStat): number {
  return (index.valid ? 0 : 4) + (index.duplicateOf ? 2 : 0) + (index.unused ? 1 : 0);
}

function Flags({ index }: { index: IndexStat }) {
  return (
    <span className="flex flex-wrap gap-1">
      {index.valid ? null : <Badge tone="danger">Invalid</Badge>}
      {index.duplicateOf ? <Badge tone="warning">Duplicate of {index.duplicateOf}</Badge> : null}
      {index.unused ? <Badge tone="warning">Unused</Badge> : null}
      {index.primary ? <Badge>Primary key</Badge> : index.unique ? <Badge>Unique</Badge> : null}
    </span>
  );
}

const column = sortableColumns<IndexStat>();
const COLUMNS = column.columns([
  column.accessor("name", {
    header: "Index",
    sortFn: "alphanumeric",
    cell: ({ row }) => (
      <>
        <span className="block font-medium text-zinc-900">{row.original.name}</span>
        <code className="block max-w-md truncate text-xs text-zinc-500" title={row.original.definition}>
          {row.original.definition}
        </code>
      </>
    ),
  }),
  column.accessor((index) => `${index.schema}.${index.table}`, {
    id: "table",
    header: "Table",
    sortFn: "alphanumeric",
  }),
  column.accessor("bytes", {
    header: "Size",
    meta: { numeric: true },
    cell: ({ getValue }) => formatBytes(getValue()),
  }),
  column.accessor("scans", {
    header: "Scans",
    meta: { numeric: true },
    cell: ({ getValue }) => formatCount(getValue()),
  }),
  column.accessor(problemRank, {
    id: "flags",
    header: "Flags",
    sortDescFirst: true,
    cell: ({ row }) => <Flags index={row.original} />,
  }),
]);

export function IndexesList({ indexes }: { indexes: IndexStat[] }) {
  return (
    <Panel title="Indexes">
      {indexes.length === 0 ? (
        <EmptyState title="No indexes found" />
      ) : (
        <SortableTable
          caption="Indexes"
          columns={COLUMNS}
          data={indexes}
          initialSorting={[{ id: "flags", desc: true }]}
          getRowId={(index) => `${index.schema}.${index.name}`}
          rowClassName={(index) => (index.valid ? "" : "bg-red-50")}
          initialRows={15}
          noun="indexes"
        />
      )}
    </Panel>
  );
}
