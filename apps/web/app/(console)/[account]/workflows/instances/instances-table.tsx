"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ProgressBar } from "@/components/workflows/progress-bar";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { INSTANCE_STATUS_LABELS, INSTANCE_STATUS_TONES, PRIORITY_LABELS } from "../workflow-model";
import { workflowDefinitionPath, workflowInstancePath } from "../workflow-paths";
import { hasInstanceFilter, type InstanceFilterValues } from "./instance-filters";
import { useInstancePages } from "./use-instance-pages";

/** Instances, newest first, 25 at a time, refreshed every few seconds. */
export function InstancesTable({ filter }: { filter: InstanceFilterValues }) {
  const accountSlug = useAccountSlug();
  const { pages, instances, totalCount } = useInstancePages(filter);

  if (pages.isPending) return <LoadingState label="Loading instances…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (instances.length === 0) {
    return hasInstanceFilter(filter) ? (
      <EmptyState title="No instances match these filters" />
    ) : (
      <EmptyState title="No instances yet">
        <p>Start an active workflow from its page, by a schedule, or through the API.</p>
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Workflow instances">
        <thead>
          <tr>
            <Th>Instance</Th>
            <Th>Workflow</Th>
            <Th>Status</Th>
            <Th>Priority</Th>
            <Th>Created</Th>
            <Th>Started</Th>
            <Th>Finished</Th>
            <Th>Correlation id</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {instances.map((instance) => (
            <tr key={instance.id}>
              <Td className="font-mono text-xs">
                <Link
                  href={workflowInstancePath(accountSlug, instance.id)}
                  className="text-accent-700 hover:underline"
                  aria-label={`Instance of ${instance.definition.name}, created ${formatDateTime(instance.createdAt)}`}
                >
                  {instance.id.slice(-8)}
                </Link>
              </Td>
              <Td>
                <Link
                  href={workflowDefinitionPath(accountSlug, instance.definition.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {instance.definition.name}
                </Link>{" "}
                <span className="text-xs text-zinc-500">v{instance.definition.version}</span>
              </Td>
              <Td>
                <div className="flex min-w-28 flex-col gap-1">
                  <Badge tone={INSTANCE_STATUS_TONES[instance.status]}>
                    {INSTANCE_STATUS_LABELS[instance.status]}
                  </Badge>
                  <ProgressBar value={instance.progress} label={`Progress of ${instance.definition.name}`} />
                </div>
              </Td>
              <Td>{PRIORITY_LABELS[instance.priority]}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(instance.createdAt)}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(instance.startedAt)}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(instance.completedAt)}</Td>
              <Td className="font-mono text-xs">{instance.correlationId ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={instances.length} totalCount={totalCount} />
    </div>
  );
}
