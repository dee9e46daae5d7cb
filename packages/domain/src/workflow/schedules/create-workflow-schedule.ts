// Creates a cron schedule for a workflow. The cron expression is read in `timeZone` (IANA), so
// "0 9 * * *" stays 09:00 local across DST. Its first run is the next match after now; a disabled
// schedule has no next run until it is enabled.
import { schema } from "@markettina/db";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput, uniqueViolation } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { nextRunAt } from "./next-run-at.ts";
import {
  assertSchedulable,
  requireDefinition,
  SCHEDULE_NAME_TAKEN,
  ScheduleFields,
  type WorkflowScheduleRow,
} from "./schedule-inputs.ts";

export const CreateWorkflowScheduleInput = ScheduleFields.extend({
  definitionId: z.uuid(),
  timeZone: ScheduleFields.shape.timeZone.default("UTC"),
  input: ScheduleFields.shape.input.default({}),
  priority: ScheduleFields.shape.priority.default("normal"),
  missedRunPolicy: ScheduleFields.shape.missedRunPolicy.default("skip"),
  enabled: z.boolean().default(true),
});
export type CreateWorkflowScheduleInput = z.input<typeof CreateWorkflowScheduleInput>;

export async function createWorkflowSchedule(
  ctx: OperationContext,
  raw: CreateWorkflowScheduleInput,
  now: Date = new Date(),
): Promise<WorkflowScheduleRow> {
  authorize(ctx, "workflows:write");
  const input = parseInput(CreateWorkflowScheduleInput, raw);
  assertSchedulable(input.cron, input.timeZone);
  await requireDefinition(ctx, input.definitionId);
  try {
    const [row] = await ctx.tx
      .insert(schema.workflowSchedules)
      .values({
        accountId: ctx.accountId,
        definitionId: input.definitionId,
        name: input.name,
        cron: input.cron,
        timeZone: input.timeZone,
        enabled: input.enabled,
        input: input.input,
        priority: input.priority,
        missedRunPolicy: input.missedRunPolicy,
        nextRunAt: input.enabled ? nextRunAt(input.cron, input.timeZone, now) : null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordChange(ctx, {
      action: "workflow_schedule.created",
      entityType: "workflow_schedule",
      entityId: row!.id,
      after: row,
    });
    return row!;
  } catch (error) {
    if (uniqueViolation(error) === SCHEDULE_NAME_TAKEN) {
      fail("TAKEN", "There is already a workflow schedule with this name.", "name");
    }
    throw error;
  }
}
