"use client";

import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { WorkflowsTabs } from "@/components/workflows/workflows-tabs";
import { canWriteWorkflows } from "../workflow-model";
import { ScheduleButton } from "./schedule-dialog";
import { SchedulesTable } from "./schedules-table";

/** Cron schedules that start workflows, with their next and last runs. */
export function SchedulesView() {
  const { account } = useConsole();
  const canWrite = canWriteWorkflows(account?.viewerRole);
  return (
    <>
      <PageHeader
        title="Workflow schedules"
        description="Start the newest active version of a workflow at every time of a cron expression."
      >
        {canWrite ? <ScheduleButton /> : null}
      </PageHeader>
      <WorkflowsTabs />
      <Panel>
        <SchedulesTable canWrite={canWrite} />
      </Panel>
    </>
  );
}
