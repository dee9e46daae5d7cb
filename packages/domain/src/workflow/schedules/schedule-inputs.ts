// What every schedule operation shares: the fields and their checks, and the locked read with
// the version check every people-edited object has.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { DomainError, fail, notFound } from "../../errors.ts";
import { PRIORITIES } from "../definition.ts";
import { scheduleProblems } from "./next-run-at.ts";

export type WorkflowScheduleRow = typeof schema.workflowSchedules.$inferSelect;

export const MISSED_RUN_POLICIES = ["skip", "catch_up_once"] as const;
export type MissedRunPolicy = (typeof MISSED_RUN_POLICIES)[number];

export const ScheduleFields = z.object({
  name: z.string().trim().min(1).max(200),
  cron: z.string().trim().min(1).max(200),
  timeZone: z.string().trim().min(1).max(100),
  input: z.record(z.string(), z.unknown()),
  priority: z.enum(PRIORITIES),
  missedRunPolicy: z.enum(MISSED_RUN_POLICIES),
});

export const SCHEDULE_NAME_TAKEN = "workflow_schedules_name_key";

/** The cron expression and zone as they will be: each problem names its field. */
export function assertSchedulable(cron: string, timeZone: string): void {
  const problems = scheduleProblems(cron, timeZone);
  if (problems.length > 0) {
    throw new DomainError(
      problems.map((p) => ({ code: "INVALID" as const, field: p.field, message: p.message })),
    );
  }
}

export async function loadWorkflowSchedule(ctx: OperationContext, id: string): Promise<WorkflowScheduleRow> {
  const s = schema.workflowSchedules;
  const [row] = await ctx.tx
    .select()
    .from(s)
    .where(and(eq(s.accountId, ctx.accountId), eq(s.id, id)));
  return row ?? notFound("id", "Workflow schedule");
}

/** The schedule, locked (FOR UPDATE: the runner locks it too, so an edit and a run never
 * interleave); with `version`, refused when someone else changed it meanwhile. */
export async function lockWorkflowSchedule(
  ctx: OperationContext,
  id: string,
  version?: number | null,
): Promise<WorkflowScheduleRow> {
  const s = schema.workflowSchedules;
  const [row] = await ctx.tx
    .select()
    .from(s)
    .where(and(eq(s.accountId, ctx.accountId), eq(s.id, id)))
    .for("update");
  if (!row) return notFound("id", "Workflow schedule");
  if (version != null && row.version !== version) {
    return fail("CONFLICT", "The schedule was changed by someone else: reload it and try again.", "version");
  }
  return row;
}

/** A definition of this account (any version: runs start the newest active one of its name). */
export async function requireDefinition(ctx: OperationContext, definitionId: string): Promise<void> {
  const d = schema.workflowDefinitions;
  const [row] = await ctx.tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.accountId, ctx.accountId), eq(d.id, definitionId)));
  if (!row) notFound("definitionId", "Workflow definition");
}
