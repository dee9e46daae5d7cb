// Every table of the application's schemas with its size, live and dead rows, when (auto)vacuum
// and (auto)analyze last ran, and how it is read (sequential vs index scans); ANALYZE per row for
// when the planner's statistics are stale.
"use client";

import { createContext, use } from "react";
import { AnalyzeTableMutation, type TableStat } from "@/app/admin/health/health-operations";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useViewerMutation } from "@/lib/graphql/use-graphql";
import { ActionError } from "./action-error";
import { formatBytes, formatCount, formatRatio } from "./health-format";
import { SortableTable, sortableColumns } from "./sortable-table";
import { type Notify, useHealthAction } from "./use-health-action";

const SHORT_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

const qualified = (table: TableStat) => `${table.schema}.${table.name}`;

/** The later of the manual and the automatic run, and which one it was. */
function latest(manual: string | null, auto: string | null): { at: string | null; auto: boolean } {
  if (!manual) return { at: auto, auto: auto !== null };
  if (!auto) return { at: manual, auto: false };
  return Date.parse(auto) > Date.parse(manual) ? { at: auto, auto: true } : { at: manual, auto: false };
}

function timestamp(iso: string | null): number | undefined {
  return iso ? Date.parse(iso) : undefined;
}

function LastRun({ run }: { run: { at: string | null; auto: boolean } }) {
  if (!run.at) return <span className="text-zinc-400">never</span>;
  return (
    <span className="whitespace-nowrap" title={formatDateTime(run.at)}>
      {SHORT_DATE_TIME.format(new Date(run.at))}
      {run.auto ? <span className="block text-xs text-zinc-500">(auto)</span> : null}
    </span>
  );
}

type AnalyzeAction = {
  analyze: (table: TableStat) => Promise<void>;
  errorFor: (key: string) => string | undefined;
};
const AnalyzeContext = createContext<AnalyzeAction | null>(null);

function AnalyzeButton({ table }: { table: TableStat }) {
  const action = use(AnalyzeContext);
  if (!action) return null;
  const name = qualified(table);
  return (
    <>
      <ConfirmButton
        label="Analyze"
        ariaLabel={`Analyze ${name}`}
        title={`Analyze ${name}?`}
        description="ANALYZE reads a sample of the table's rows and updates the planner's statistics. It takes a light lock: reads and writes go on."
        confirmLabel="Analyze"
        onConfirm={() => action.analyze(table)}
      />
      <ActionError message={action.errorFor(`analyze-${name}`)} />
    </>
  );
}

const column = sortableColumns<TableStat>();
const COLUMNS = column.columns([
  column.accessor((table) => qualified(table), {
    id: "name",
    header: "Table",
    sortFn: "alphanumeric",
    cell: ({ row }) => (
      <span className="font-medium text-zinc-900">
        <span className="font-normal text-zinc-500">{row.original.schema}.</span>
        {row.original.name}
      </span>
    ),
  }),
  column.accessor("totalBytes", {
    header: "Size",
    meta: { numeric: true },
    cell: ({ row }) => (
      <span
        title={`Table ${formatBytes(row.original.tableBytes)}, indexes ${formatBytes(row.original.indexBytes)}`}
      >
        {formatBytes(row.original.totalBytes)}
      </span>
    ),
  }),
  column.accessor("liveTuples", {
    header: "Live rows",
    meta: { numeric: true },
    cell: ({ getValue }) => formatCount(getValue()),
  }),
  column.accessor("deadTuples", {
    header: "Dead rows",
    meta: { numeric: true },
    cell: ({ getValue }) => formatCount(getValue()),
  }),
  column.accessor("deadRatio", {
    header: "Dead ratio",
    meta: { numeric: true },
    cell: ({ getValue }) => formatRatio(getValue()),
  }),
  column.accessor((table) => timestamp(latest(table.lastVacuum, table.lastAutovacuum).at), {
    id: "lastVacuum",
    header: "Last vacuum",
    sortUndefined: "last",
    cell: ({ row }) => <LastRun run={latest(row.original.lastVacuum, row.original.lastAutovacuum)} />,
  }),
  column.accessor((table) => timestamp(latest(table.lastAnalyze, table.lastAutoanalyze).at), {
    id: "lastAnalyze",
    header: "Last analyze",
    sortUndefined: "last",
    cell: ({ row }) => <LastRun run={latest(row.original.lastAnalyze, row.original.lastAutoanalyze)} />,
  }),
  column.accessor("seqScans", {
    header: "Seq scans",
    meta: { numeric: true },
    cell: ({ getValue }) => formatCount(getValue()),
  }),
  column.accessor("indexScans", {
    header: "Index scans",
    meta: { numeric: true },
    cell: ({ getValue }) => formatCount(getValue()),
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <AnalyzeButton table={row.original} />,
  }),
]);

export function TablesList({ tables, onNotice }: { tables: TableStat[]; onNotice: Notify }) {
  const analyzeTable = useViewerMutation(AnalyzeTableMutation);
  const action = useHealthAction(onNotice);
  const analyze: AnalyzeAction = {
    analyze: (table) =>
      action.run(
        `analyze-${qualified(table)}`,
        async () => (await analyzeTable.mutateAsync({ input: { table: qualified(table) } })).analyzeTable,
        `${qualified(table)} was analyzed: the planner has fresh statistics.`,
        "Could not analyze the table.",
      ),
    errorFor: action.errorFor,
  };

  return (
    <Panel title="Tables">
      {tables.length === 0 ? (
        <EmptyState title="No tables found" />
      ) : (
        <AnalyzeContext value={analyze}>
          <SortableTable
            caption="Tables"
            columns={COLUMNS}
            data={tables}
            initialSorting={[{ id: "totalBytes", desc: true }]}
            getRowId={qualified}
            initialRows={15}
            noun="tables"
          />
        </AnalyzeContext>
      )}
    </Panel>
  );
}
