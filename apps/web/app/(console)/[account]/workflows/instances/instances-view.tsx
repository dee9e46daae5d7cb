"use client";

import { useState } from "react";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { WorkflowsTabs } from "@/components/workflows/workflows-tabs";
import { InstanceFilters, type InstanceFilterValues, NO_INSTANCE_FILTER } from "./instance-filters";
import { InstancesTable } from "./instances-table";

/** Every run of every workflow, newest first, filterable, with live statuses. */
export function InstancesView() {
  const [filter, setFilter] = useState<InstanceFilterValues>(NO_INSTANCE_FILTER);
  return (
    <>
      <PageHeader
        title="Workflow instances"
        description="Each run of a workflow, newest first, with its live status."
      />
      <WorkflowsTabs />
      <Panel>
        <InstanceFilters onChange={setFilter} />
        <InstancesTable filter={filter} />
      </Panel>
    </>
  );
}
