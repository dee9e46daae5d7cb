"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountSlug } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { PRIORITY_LABELS } from "../workflow-model";
import { workflowDefinitionPath, workflowInstancePath } from "../workflow-paths";
import { ScheduleDialog } from "./schedule-dialog";
import {
  DeleteWorkflowScheduleMutation,
  SCHEDULE_QUERIES,
  SetWorkflowScheduleEnabledMutation,
} from "./schedule-operations";
import { type ScheduleItem, useSchedulePages } from "./use-schedule-pages";

const MISSED_RUN_LABELS = { SKIP: "Skip missed runs", CATCH_UP_ONCE: "Catch up once" } as const;

export function SchedulesTable({ canWrite }: { canWrite: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, schedules, totalCount } = useSchedulePages();
  const setEnabled = useAccountMutation(SetWorkflowScheduleEnabledMutation);
  const remove = useAccountMutation(DeleteWorkflowScheduleMutation);
  const action = useRowAction(SCHEDULE_QUERIES);
  const [editing, setEditing] = useState<ScheduleItem | null>(null);

  if (pages.isPending) return <LoadingState label="Loading schedules…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (schedules.length === 0) {
    return (
      <EmptyState title="No schedules yet">
        <p>A schedule starts the newest active version of a workflow at every time of its cron expression.</p>
      </EmptyState>
    );
  }
  return (
    <div>
      {action.error ? (
        <p role="alert" className="m-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {action.error}
        </p>
      ) : null}
      <DataTable caption="Workflow schedules">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Workflow</Th>
            <Th>When</Th>
            <Th>Status</Th>
            <Th>Next run</Th>
            <Th>Last run</Th>
            {canWrite ? <Th className="text-right">Actions</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {schedules.map((schedule) => (
            <tr key={schedule.id}>
              <Td className="font-medium text-zinc-900">
                {schedule.name}
                <p className="text-xs font-normal text-zinc-500">
                  {PRIORITY_LABELS[schedule.priority]} priority ·{" "}
                  {MISSED_RUN_LABELS[schedule.missedRunPolicy]}
                </p>
              </Td>
              <Td>
                <Link
                  href={workflowDefinitionPath(accountSlug, schedule.definition.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {schedule.definition.name}
                </Link>
              </Td>
              <Td>
                <span className="font-mono text-xs">{schedule.cron}</span>
                <p className="text-xs text-zinc-500">{schedule.timeZone.replaceAll("_", " ")}</p>
              </Td>
              <Td>
                <Badge tone={schedule.enabled ? "success" : "neutral"}>
                  {schedule.enabled ? "Enabled" : "Disabled"}
                </Badge>
              </Td>
              <Td className="whitespace-nowrap">
                {schedule.enabled ? formatDateTime(schedule.nextRunAt) : "—"}
              </Td>
              <Td className="whitespace-nowrap">
                {formatDateTime(schedule.lastRunAt)}
                {schedule.lastStatus ? (
                  <p
                    className={`text-xs ${schedule.lastStatus === "failed" ? "text-red-700" : "text-zinc-500"}`}
                  >
                    {schedule.lastInstance ? (
                      <Link
                        href={workflowInstancePath(accountSlug, schedule.lastInstance.id)}
                        className="text-accent-700 hover:underline"
                      >
                        {schedule.lastStatus}
                      </Link>
                    ) : (
                      schedule.lastStatus
                    )}
                    {schedule.lastError ? `: ${schedule.lastError}` : ""}
                  </p>
                ) : null}
              </Td>
              {canWrite ? (
                <Td>
                  <div className="flex justify-end gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Edit ${schedule.name}`}
                      onClick={() => setEditing(schedule)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`${schedule.enabled ? "Disable" : "Enable"} ${schedule.name}`}
                      onClick={() =>
                        action.run(
                          async () =>
                            (
                              await setEnabled.mutateAsync({
                                input: { id: schedule.id, enabled: !schedule.enabled },
                              })
                            ).setWorkflowScheduleEnabled,
                          "Could not change the schedule.",
                        )
                      }
                    >
                      {schedule.enabled ? "Disable" : "Enable"}
                    </Button>
                    <ConfirmButton
                      label="Delete"
                      ariaLabel={`Delete ${schedule.name}`}
                      title={`Delete ${schedule.name}?`}
                      description="It starts nothing more; the instances it started stay."
                      confirmLabel="Delete"
                      onConfirm={() =>
                        action.run(
                          async () =>
                            (await remove.mutateAsync({ input: { id: schedule.id } })).deleteWorkflowSchedule,
                          "Could not delete the schedule.",
                        )
                      }
                    />
                  </div>
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={schedules.length} totalCount={totalCount} />
      {editing ? <ScheduleDialog schedule={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
