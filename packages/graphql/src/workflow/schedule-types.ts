// A cron schedule that starts a workflow; its definition and last instance are relations planned
// into the query that loads the schedules.
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import {
  WorkflowDefinitionRef,
  WorkflowMissedRunPolicyEnum,
  WorkflowPriorityEnum,
} from "./definition-types.ts";
import { WorkflowInstanceRef } from "./instance-types.ts";

export const WorkflowScheduleRef = builder.drizzleNode("workflowSchedules", {
  name: "WorkflowSchedule",
  description: "Starts the newest active version of its definition's name at every cron time.",
  id: { column: (s) => s.id },
  authScopes: { permission: "workflows:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    definition: t.relation("definition", { type: WorkflowDefinitionRef }),
    cron: t.exposeString("cron", { description: "Five fields, e.g. 0 9 * * 1-5." }),
    timeZone: t.exposeString("timeZone", { description: "IANA zone the cron expression is read in." }),
    enabled: t.exposeBoolean("enabled"),
    input: t.expose("input", { type: "JSON" }),
    priority: t.expose("priority", { type: WorkflowPriorityEnum }),
    missedRunPolicy: t.expose("missedRunPolicy", { type: WorkflowMissedRunPolicyEnum }),
    nextRunAt: t.expose("nextRunAt", { type: "DateTime", nullable: true }),
    lastRunAt: t.expose("lastRunAt", { type: "DateTime", nullable: true }),
    lastStatus: t.exposeString("lastStatus", {
      nullable: true,
      description: "started, or failed (the start was refused: no active version…).",
    }),
    lastError: t.exposeString("lastError", { nullable: true }),
    lastInstance: t.relation("lastInstance", { type: WorkflowInstanceRef, nullable: true }),
    version: t.exposeInt("version", { description: "Send it back with updateWorkflowSchedule." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const WorkflowScheduleConnection = namedConnection(WorkflowScheduleRef, "WorkflowSchedule");
