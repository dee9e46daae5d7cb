// Deletes a schedule. The instances it started stay (workflow_instances.schedule_id is a plain
// reference, kept for the record).
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { lockWorkflowSchedule } from "./schedule-inputs.ts";

export const DeleteWorkflowScheduleInput = z.object({ id: z.uuid() });
export type DeleteWorkflowScheduleInput = z.input<typeof DeleteWorkflowScheduleInput>;

export async function deleteWorkflowSchedule(
  ctx: OperationContext,
  raw: DeleteWorkflowScheduleInput,
): Promise<{ id: string }> {
  authorize(ctx, "workflows:write");
  const input = parseInput(DeleteWorkflowScheduleInput, raw);
  // Locked first: a run in progress finishes (and records its instance) before the row goes.
  const before = await lockWorkflowSchedule(ctx, input.id);
  await ctx.tx.delete(schema.workflowSchedules).where(eq(schema.workflowSchedules.id, before.id));
  await recordChange(ctx, {
    action: "workflow_schedule.deleted",
    entityType: "workflow_schedule",
    entityId: before.id,
    before,
  });
  return { id: before.id };
}
