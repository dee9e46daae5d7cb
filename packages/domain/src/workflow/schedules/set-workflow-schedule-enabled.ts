// Enables or disables a schedule. Disabling clears the next run (app.due_workflow_schedules only
// looks at enabled ones anyway); enabling sets it to the next match after now, so the runs that
// fell while it was off are not owed (the missed-run policy is about the scheduler being down,
// not about a schedule someone switched off). No version: a switch, last one wins.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { nextRunAt } from "./next-run-at.ts";
import { lockWorkflowSchedule, type WorkflowScheduleRow } from "./schedule-inputs.ts";

export const SetWorkflowScheduleEnabledInput = z.object({ id: z.uuid(), enabled: z.boolean() });
export type SetWorkflowScheduleEnabledInput = z.input<typeof SetWorkflowScheduleEnabledInput>;

export async function setWorkflowScheduleEnabled(
  ctx: OperationContext,
  raw: SetWorkflowScheduleEnabledInput,
  now: Date = new Date(),
): Promise<WorkflowScheduleRow> {
  authorize(ctx, "workflows:write");
  const input = parseInput(SetWorkflowScheduleEnabledInput, raw);
  const before = await lockWorkflowSchedule(ctx, input.id);
  if (before.enabled === input.enabled) return before;
  const s = schema.workflowSchedules;
  const [row] = await ctx.tx
    .update(s)
    .set({
      enabled: input.enabled,
      nextRunAt: input.enabled ? nextRunAt(before.cron, before.timeZone, now) : null,
      version: sql`${s.version} + 1`,
    })
    .where(eq(s.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: input.enabled ? "workflow_schedule.enabled" : "workflow_schedule.disabled",
    entityType: "workflow_schedule",
    entityId: before.id,
    before,
    after: row,
  });
  return row!;
}
