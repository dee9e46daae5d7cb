// The instance's variables (current values, which step set them) and its compensations (in the
// order they run: reverse completion order of the steps they undo).
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import { JsonBlock } from "@/components/workflows/json-block";
import { errorText, type InstanceDetail } from "./instance-model";

export function VariablesTable({ variables }: { variables: InstanceDetail["variables"] }) {
  if (variables.length === 0) return <EmptyState title="No variables" />;
  return (
    <DataTable caption="Variables">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Type</Th>
          <Th>Value</Th>
          <Th>Set by</Th>
          <Th>Updated</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {variables.map((variable) => (
          <tr key={variable.name}>
            <Td className="font-mono text-xs">{variable.name}</Td>
            <Td>{variable.type}</Td>
            <Td className="max-w-md">
              <JsonBlock value={variable.value} />
            </Td>
            <Td className="font-mono text-xs">{variable.updatedByStep ?? "start input"}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(variable.updatedAt)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function CompensationsTable({ compensations }: { compensations: InstanceDetail["compensations"] }) {
  if (compensations.length === 0) {
    return (
      <EmptyState title="No compensations">
        They run when a step fails for good after others completed.
      </EmptyState>
    );
  }
  const ordered = [...compensations].sort((a, b) => a.position - b.position);
  return (
    <DataTable caption="Compensations">
      <thead>
        <tr>
          <Th>Order</Th>
          <Th>Undoes step</Th>
          <Th>Type</Th>
          <Th>Status</Th>
          <Th>Started</Th>
          <Th>Finished</Th>
          <Th>Error</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {ordered.map((compensation) => (
          <tr key={`${compensation.stepId}:${compensation.position}`}>
            <Td className="tabular-nums">{compensation.position}</Td>
            <Td className="font-mono text-xs">{compensation.stepId}</Td>
            <Td>{compensation.type}</Td>
            <Td>
              <Badge tone={statusTone(compensation.status.toUpperCase())}>
                {enumLabel(compensation.status.toUpperCase())}
              </Badge>
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(compensation.startedAt)}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(compensation.completedAt)}</Td>
            <Td className="text-red-700">{errorText(compensation.error) ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
