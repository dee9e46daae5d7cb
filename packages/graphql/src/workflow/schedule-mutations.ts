// Workflow schedule mutations (create, update, enable/disable, delete) and the on-demand refresh of
// the performance statistics.
import {
  authorize,
  createWorkflowSchedule,
  deleteWorkflowSchedule,
  refreshWorkflowStats,
  setWorkflowScheduleEnabled,
  updateWorkflowSchedule,
  type WorkflowScheduleRow,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import {
  WorkflowDefinitionRef,
  WorkflowMissedRunPolicyEnum,
  WorkflowPriorityEnum,
} from "./definition-types.ts";
import { WorkflowScheduleRef } from "./schedule-types.ts";

type Result = MutationResult<{ schedule: WorkflowScheduleRow }>;

const payload = (name: string) =>
  builder.objectRef<Result>(name).implement({
    fields: (t) => ({
      schedule: t.field({ type: WorkflowScheduleRef, nullable: true, resolve: (p) => p.schedule }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const DeleteWorkflowSchedulePayload = builder
  .objectRef<MutationResult<{ deletedId: string }>>("DeleteWorkflowSchedulePayload")
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const RefreshWorkflowStatsPayload = builder
  .objectRef<MutationResult<{ refreshedAt: Date }>>("RefreshWorkflowStatsPayload")
  .implement({
    fields: (t) => ({
      refreshedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.refreshedAt }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

/** A JSON input that must be an object; anything else is left for the operation to refuse. */
const asObject = (value: unknown) => (value ?? undefined) as Record<string, unknown> | undefined;

builder.mutationFields((t) => ({
  createWorkflowSchedule: t.fieldWithInput({
    type: payload("CreateWorkflowSchedulePayload"),
    description:
      "Starts the newest active version of the definition's name at every time of the cron expression, read in timeZone (INVALID for a bad expression or zone; TAKEN… for a name in use).",
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      definitionId: t.input.globalID({ required: true, for: WorkflowDefinitionRef }),
      cron: t.input.string({ required: true, description: "Five fields, e.g. 0 9 * * 1-5." }),
      timeZone: t.input.string({ description: "IANA zone (default UTC)." }),
      input: t.input.field({ type: "JSON", description: "The input of every run (an object)." }),
      priority: t.input.field({ type: WorkflowPriorityEnum }),
      missedRunPolicy: t.input.field({ type: WorkflowMissedRunPolicyEnum, description: "Default SKIP." }),
      enabled: t.input.boolean({ description: "Default true." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          schedule: await createWorkflowSchedule(op, {
            name: input.name,
            definitionId: input.definitionId.id,
            cron: input.cron,
            timeZone: input.timeZone ?? undefined,
            input: asObject(input.input),
            priority: input.priority ?? undefined,
            missedRunPolicy: input.missedRunPolicy ?? undefined,
            enabled: input.enabled ?? undefined,
          }),
        }),
        { schedule: null },
      ),
  }),
  updateWorkflowSchedule: t.fieldWithInput({
    type: payload("UpdateWorkflowSchedulePayload"),
    description: "Changes the fields given (CONFLICT when version is not the schedule's).",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: WorkflowScheduleRef }),
      version: t.input.int({ required: true, description: "The version you read." }),
      name: t.input.string(),
      definitionId: t.input.globalID({ for: WorkflowDefinitionRef }),
      cron: t.input.string(),
      timeZone: t.input.string(),
      input: t.input.field({ type: "JSON" }),
      priority: t.input.field({ type: WorkflowPriorityEnum }),
      missedRunPolicy: t.input.field({ type: WorkflowMissedRunPolicyEnum }),
      enabled: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          schedule: await updateWorkflowSchedule(op, {
            id: input.id.id,
            version: input.version,
            name: input.name ?? undefined,
            definitionId: input.definitionId?.id ?? undefined,
            cron: input.cron ?? undefined,
            timeZone: input.timeZone ?? undefined,
            input: asObject(input.input),
            priority: input.priority ?? undefined,
            missedRunPolicy: input.missedRunPolicy ?? undefined,
            enabled: input.enabled ?? undefined,
          }),
        }),
        { schedule: null },
      ),
  }),
  setWorkflowScheduleEnabled: t.fieldWithInput({
    type: payload("SetWorkflowScheduleEnabledPayload"),
    description: "Enables (next run from now) or disables a schedule.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: WorkflowScheduleRef }),
      enabled: t.input.boolean({ required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          schedule: await setWorkflowScheduleEnabled(op, { id: input.id.id, enabled: input.enabled }),
        }),
        { schedule: null },
      ),
  }),
  deleteWorkflowSchedule: t.fieldWithInput({
    type: DeleteWorkflowSchedulePayload,
    description: "Deletes a schedule (the instances it started stay).",
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: WorkflowScheduleRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const { id } = await deleteWorkflowSchedule(op, { id: input.id.id });
          return { deletedId: encodeGlobalID("WorkflowSchedule", id) };
        },
        { deletedId: null },
      ),
  }),
  refreshWorkflowStats: t.field({
    type: RefreshWorkflowStatsPayload,
    description: "Recomputes workflowStats now (the worker also does it every hour).",
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          authorize(op, "workflows:write");
          // The whole view is refreshed (a SECURITY DEFINER function); each tenant still reads only its
          // own rows through app.workflow_performance().
          return { refreshedAt: await refreshWorkflowStats(op.tx) };
        },
        { refreshedAt: null },
      ),
  }),
}));
