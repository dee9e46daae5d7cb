// Compact sections about the schema's upkeep: monthly partitions ahead, materialized view
// freshness, sequences nearing their maximum, and foreign keys no index supports.
"use client";

import { useState } from "react";
import type { HealthReport } from "@/app/admin/health/health-operations";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { formatBytes, formatCount, formatRatio, formatSeconds } from "./health-format";
import { ShowAll } from "./show-all";

const SEQUENCES_SHOWN = 10;
const FOREIGN_KEYS_SHOWN = 10;

export function PartitionsSection({ partitions }: { partitions: HealthReport["partitions"] }) {
  return (
    <Panel title="Partitions">
      {partitions.length === 0 ? (
        <EmptyState title="No partitioned tables" />
      ) : (
        <DataTable caption="Monthly partitions">
          <thead>
            <tr>
              <Th>Table</Th>
              <Th>This month and the next three</Th>
              <Th className="text-right">Rows in default</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {partitions.map((partition) => (
              <tr key={partition.table}>
                <Td className="font-medium text-zinc-900">{partition.table}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {partition.presentMonths.map((month) => (
                      <Badge key={month} tone="success">
                        {month}
                      </Badge>
                    ))}
                    {partition.missingMonths.map((month) => (
                      <Badge key={month} tone="danger">
                        {month} missing
                      </Badge>
                    ))}
                  </span>
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {formatCount(partition.defaultPartitionRows)}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Panel>
  );
}

export function MaterializedViewsSection({ views }: { views: HealthReport["materializedViews"] }) {
  return (
    <Panel title="Materialized views">
      {views.length === 0 ? (
        <EmptyState title="No materialized views" />
      ) : (
        <DataTable caption="Materialized views">
          <thead>
            <tr>
              <Th>View</Th>
              <Th>Last refreshed</Th>
              <Th className="text-right">Age</Th>
              <Th className="text-right">Size</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {views.map((view) => (
              <tr key={view.name}>
                <Td className="font-medium text-zinc-900">
                  {view.name} {view.populated ? null : <Badge tone="danger">Not populated</Badge>}
                </Td>
                <Td>{view.refreshedAt ? formatDateTime(view.refreshedAt) : "not recorded"}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {formatSeconds(view.ageSeconds)}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatBytes(view.bytes)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Panel>
  );
}

export function SequencesSection({ sequences }: { sequences: HealthReport["sequences"] }) {
  const fullest = [...sequences].sort((a, b) => b.usedRatio - a.usedRatio).slice(0, SEQUENCES_SHOWN);
  return (
    <Panel title="Sequences">
      {fullest.length === 0 ? (
        <EmptyState title="No sequences" />
      ) : (
        <>
          <DataTable caption="Sequences, fullest first">
            <thead>
              <tr>
                <Th>Sequence</Th>
                <Th className="text-right">Last value</Th>
                <Th className="text-right">Used</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {fullest.map((sequence) => (
                <tr key={sequence.sequence}>
                  <Td>
                    <span className="block font-medium break-all text-zinc-900">{sequence.sequence}</span>
                    {sequence.column ? (
                      <span className="block text-xs break-all text-zinc-500">
                        {sequence.column}
                        {sequence.columnType ? ` (${sequence.columnType})` : ""}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatCount(sequence.lastValue)}
                  </Td>
                  <Td
                    className="text-right whitespace-nowrap tabular-nums"
                    title={`of ${formatCount(sequence.maxValue)}`}
                  >
                    {formatRatio(sequence.usedRatio)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {sequences.length > fullest.length ? (
            <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              {`The ${fullest.length} fullest of ${sequences.length} sequences.`}
            </p>
          ) : null}
        </>
      )}
    </Panel>
  );
}

export function ForeignKeysSection({
  foreignKeys,
}: {
  foreignKeys: HealthReport["foreignKeysWithoutIndex"];
}) {
  const [expanded, setExpanded] = useState(false);
  // Largest tables first: that is where a missing index costs a scan per parent delete.
  const largestFirst = [...foreignKeys].sort((a, b) => b.tableRows - a.tableRows);
  const shown = expanded ? largestFirst : largestFirst.slice(0, FOREIGN_KEYS_SHOWN);
  return (
    <Panel title="Foreign keys without an index">
      {foreignKeys.length === 0 ? (
        <EmptyState title="Every foreign key has an index">
          Deleting or updating a referenced row never scans a whole referencing table.
        </EmptyState>
      ) : (
        <DataTable caption="Foreign keys without an index">
          <thead>
            <tr>
              <Th>Table</Th>
              <Th>Constraint</Th>
              <Th>Columns</Th>
              <Th>References</Th>
              <Th className="text-right">Rows</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {shown.map((key) => (
              <tr key={`${key.table}-${key.constraint}`}>
                <Td className="font-medium text-zinc-900">{key.table}</Td>
                <Td>{key.constraint}</Td>
                <Td>{key.columns.join(", ")}</Td>
                <Td>{key.referencedTable}</Td>
                <Td className="text-right tabular-nums">{formatCount(key.tableRows)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ShowAll
        shown={shown.length}
        total={foreignKeys.length}
        expanded={expanded}
        onToggle={() => setExpanded((value) => !value)}
        noun="foreign keys"
      />
    </Panel>
  );
}
