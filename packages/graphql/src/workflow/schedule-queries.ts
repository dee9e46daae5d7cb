// Workflow schedule reads: the current account's schedules by name.
import { schema } from "@markettina/db";
import { count, eq } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { WorkflowScheduleConnection, WorkflowScheduleRef } from "./schedule-types.ts";

builder.queryFields((t) => ({
  workflowSchedules: t.drizzleConnection(
    {
      type: "workflowSchedules",
      description: "Schedules of the current account, by name.",
      authScopes: { permission: "workflows:read" },
      totalCount: async (_root, _args, ctx) => {
        const s = schema.workflowSchedules;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(s)
          .where(eq(s.accountId, currentAccountId(ctx)));
        return row?.n ?? 0;
      },
      resolve: (query, _root, _args, ctx) =>
        runPlanned(
          ctx.tx.query.workflowSchedules.findMany(
            query({ where: { accountId: currentAccountId(ctx) }, orderBy: { name: "asc", id: "asc" } }),
          ),
        ),
    },
    WorkflowScheduleConnection,
  ),
  workflowSchedule: t.drizzleField({
    type: WorkflowScheduleRef,
    nullable: true,
    description: "One schedule of the current account; null if none.",
    authScopes: { permission: "workflows:read" },
    args: { id: t.arg.globalID({ required: true, for: WorkflowScheduleRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.workflowSchedules.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id } }),
        ),
        "workflow_schedule_by_id",
      ).then((s) => s ?? null),
  }),
}));
