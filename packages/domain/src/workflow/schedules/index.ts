// Public operations of the workflow schedules (re-exported by packages/domain/src/index.ts).
export * from "./create-workflow-schedule.ts";
export * from "./delete-workflow-schedule.ts";
export * from "./next-run-at.ts";
export * from "./purge-workflow-instances.ts";
export * from "./refresh-workflow-stats.ts";
export * from "./run-due-schedules.ts";
export {
  loadWorkflowSchedule,
  lockWorkflowSchedule,
  MISSED_RUN_POLICIES,
  type MissedRunPolicy,
  type WorkflowScheduleRow,
} from "./schedule-inputs.ts";
export * from "./set-workflow-schedule-enabled.ts";
export * from "./update-workflow-schedule.ts";
