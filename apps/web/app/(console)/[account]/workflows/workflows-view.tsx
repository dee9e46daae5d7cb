"use client";

import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { WorkflowsTabs } from "@/components/workflows/workflows-tabs";
import { DefinitionFilters, type DefinitionFilterValues, NO_DEFINITION_FILTER } from "./definition-filters";
import { DefinitionsTable } from "./definitions-table";
import { NewWorkflowButton } from "./new-workflow-dialog";
import { canWriteWorkflows } from "./workflow-model";

/** The workflow definitions (newest version of each name) with their filters and "New workflow". */
export function WorkflowsView() {
  const { account } = useConsole();
  const canWrite = canWriteWorkflows(account?.viewerRole);
  const [filter, setFilter] = useState<DefinitionFilterValues>(NO_DEFINITION_FILTER);

  return (
    <>
      <PageHeader
        title="Workflows"
        description="Durable processes of typed steps: HTTP calls, emails, waits, approvals, tokens and content, with retries and compensation."
      >
        {canWrite ? <NewWorkflowButton /> : null}
      </PageHeader>
      <WorkflowsTabs />
      {canWrite ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read workflows; owners, admins and members build and run them.
        </p>
      )}
      <Panel>
        <DefinitionFilters onChange={setFilter} />
        <DefinitionsTable filter={filter} newWorkflow={canWrite ? <NewWorkflowButton size="sm" /> : null} />
      </Panel>
    </>
  );
}
