// Edits a schedule, naming the version read. A new cron expression or zone moves the next run to
// the next match after now (runs missed under the old timing are not owed under the new one).
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput, uniqueViolation } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { nextRunAt } from "./next-run-at.ts";
import {
  assertSchedulable,
  lockWorkflowSchedule,
  requireDefinition,
  SCHEDULE_NAME_TAKEN,
  ScheduleFields,
  type WorkflowScheduleRow,
} from "./schedule-inputs.ts";

export const UpdateWorkflowScheduleInput = ScheduleFields.partial().extend({
  id: z.uuid(),
  version: z.number().int().positive(),
  definitionId: z.uuid().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWorkflowScheduleInput = z.input<typeof UpdateWorkflowScheduleInput>;

export async function updateWorkflowSchedule(
  ctx: OperationContext,
  raw: UpdateWorkflowScheduleInput,
  now: Date = new Date(),
): Promise<WorkflowScheduleRow> {
  authorize(ctx, "workflows:write");
  const { id, version, ...rest } = parseInput(UpdateWorkflowScheduleInput, raw);
  const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as typeof rest;
  const before = await lockWorkflowSchedule(ctx, id, version);
  const after = { ...before, ...changes };
  assertSchedulable(after.cron, after.timeZone);
  if (changes.definitionId) await requireDefinition(ctx, changes.definitionId);
  const retimed = after.cron !== before.cron || after.timeZone !== before.timeZone;
  const enabling = after.enabled && !before.enabled;
  const next = !after.enabled
    ? null
    : retimed || enabling || !before.nextRunAt
      ? nextRunAt(after.cron, after.timeZone, now)
      : before.nextRunAt;
  const s = schema.workflowSchedules;
  try {
    const [row] = await ctx.tx
      .update(s)
      .set({ ...changes, nextRunAt: next, version: sql`${s.version} + 1` })
      .where(eq(s.id, before.id))
      .returning();
    await recordChange(ctx, {
      action: "workflow_schedule.updated",
      entityType: "workflow_schedule",
      entityId: before.id,
      before,
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
