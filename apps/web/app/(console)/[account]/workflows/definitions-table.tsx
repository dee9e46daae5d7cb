"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { type DefinitionFilterValues, hasDefinitionFilter } from "./definition-filters";
import { useDefinitionPages } from "./use-definition-pages";
import { DEFINITION_STATUS_LABELS, DEFINITION_STATUS_TONES } from "./workflow-model";
import { workflowDefinitionPath } from "./workflow-paths";

/** Definitions, newest first, 25 at a time: the newest version of each name, its status and problems. */
export function DefinitionsTable({
  filter,
  newWorkflow,
}: {
  filter: DefinitionFilterValues;
  newWorkflow: ReactNode;
}) {
  const accountSlug = useAccountSlug();
  const { pages, definitions, totalCount } = useDefinitionPages(filter);

  if (pages.isPending) return <LoadingState label="Loading workflows…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (definitions.length === 0) {
    return hasDefinitionFilter(filter) ? (
      <EmptyState title="No workflows match these filters" />
    ) : (
      <EmptyState title="No workflows yet">
        <p>A workflow is a graph of steps the engine runs durably, retrying and compensating as needed.</p>
        {newWorkflow ? <div className="mt-3 flex justify-center">{newWorkflow}</div> : null}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Workflow definitions">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Version</Th>
            <Th>Status</Th>
            <Th className="text-right">Problems</Th>
            <Th>Updated</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {definitions.map((definition) => (
            <tr key={definition.id}>
              <Td className="font-medium text-zinc-900">
                <Link
                  href={workflowDefinitionPath(accountSlug, definition.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {definition.name}
                </Link>
                {definition.description ? (
                  <p className="text-xs font-normal text-zinc-500">{definition.description}</p>
                ) : null}
              </Td>
              <Td className="tabular-nums">v{definition.version}</Td>
              <Td>
                <Badge tone={DEFINITION_STATUS_TONES[definition.status]}>
                  {DEFINITION_STATUS_LABELS[definition.status]}
                </Badge>
              </Td>
              <Td className="text-right tabular-nums">
                {definition.problems.length > 0 ? (
                  <span className="font-medium text-red-700">{definition.problems.length}</span>
                ) : (
                  <span className="text-zinc-400">0</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(definition.updatedAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={definitions.length} totalCount={totalCount} />
    </div>
  );
}
