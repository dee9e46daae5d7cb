// workflowStats: per hour and definition version, from the materialized view
// workflow_performance_hourly (read through app.workflow_performance(), which filters by tenant;
// refreshed hourly by the worker and on demand by refreshWorkflowStats). Two statements: the rows,
// then every definition they name at once.
import type { schema } from "@markettina/db";
import { sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { versionsOfDefinition } from "./definition-queries.ts";
import { WorkflowDefinitionRef } from "./definition-types.ts";

type DefinitionRow = typeof schema.workflowDefinitions.$inferSelect;

interface StatsRow {
  definition: DefinitionRow;
  hour: Date;
  finished: number;
  completed: number;
  failed: number;
  cancelled: number;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
  successRate: number | null;
}

/** The widest range one read may span, and the default one (up to now). */
const MAX_DAYS = 93;
const DEFAULT_DAYS = 7;
const DAY_MS = 86_400_000;

const WorkflowStatsRowRef = builder.objectRef<StatsRow>("WorkflowStatsRow").implement({
  description: "Instances of one definition version that finished within one hour.",
  fields: (t) => ({
    definition: t.field({ type: WorkflowDefinitionRef, resolve: (r) => r.definition }),
    hour: t.field({ type: "DateTime", description: "The hour's start.", resolve: (r) => r.hour }),
    finished: t.exposeInt("finished", { description: "Completed, failed or cancelled within the hour." }),
    completed: t.exposeInt("completed"),
    failed: t.exposeInt("failed"),
    cancelled: t.exposeInt("cancelled"),
    avgDurationMs: t.exposeInt("avgDurationMs", { nullable: true }),
    p95DurationMs: t.exposeInt("p95DurationMs", { nullable: true }),
    successRate: t.exposeFloat("successRate", {
      nullable: true,
      description: "completed / (completed + failed), 0–1; null when none of either.",
    }),
  }),
});

const WorkflowStatsFilter = builder.inputType("WorkflowStatsFilter", {
  fields: (t) => ({
    definitionId: t.globalID({
      for: WorkflowDefinitionRef,
      description: "Every version of this definition's name.",
    }),
    from: t.field({
      type: "DateTime",
      description: `Hours from this one on (default: ${DEFAULT_DAYS} days ago).`,
    }),
    to: t.field({ type: "DateTime", description: "Hours before this time (default: now)." }),
  }),
});

builder.queryFields((t) => ({
  workflowStats: t.field({
    type: [WorkflowStatsRowRef],
    description: `Finished instances per hour and definition version, oldest hour first. The range may span at most ${MAX_DAYS} days (INVALID otherwise).`,
    authScopes: { permission: "workflows:read" },
    args: { filter: t.arg({ type: WorkflowStatsFilter }) },
    resolve: async (_root, args, ctx) => {
      const accountId = currentAccountId(ctx);
      const f = args.filter;
      const to = f?.to ?? new Date();
      const from = f?.from ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
      if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS || to.getTime() < from.getTime()) {
        throw new GraphQLError(`\`from\` must come before \`to\`, at most ${MAX_DAYS} days apart.`, {
          extensions: { code: "INVALID" },
        });
      }
      const byDefinition = f?.definitionId
        ? sql`and p.definition_id in ${versionsOfDefinition(accountId, f.definitionId.id)}`
        : sql``;
      const rows = await ctx.tx.execute<{
        definition_id: string;
        hour: string;
        finished: number;
        completed: number;
        failed: number;
        cancelled: number;
        avg_duration_ms: number | null;
        p95_duration_ms: number | null;
        success_rate: number | null;
      }>(sql`
        select p.definition_id, p.hour, p.finished, p.completed, p.failed, p.cancelled,
               p.avg_duration_ms::int as avg_duration_ms, p.p95_duration_ms::int as p95_duration_ms,
               p.success_rate::float8 as success_rate
          from app.workflow_performance() p
         where p.account_id = ${accountId} and p.hour >= ${from.toISOString()}::timestamptz and p.hour < ${to.toISOString()}::timestamptz ${byDefinition}
         order by p.hour, p.definition_id`);
      const ids = [...new Set([...rows].map((r) => r.definition_id))];
      if (ids.length === 0) return [];
      // Whole rows, recorded as planned: their columns resolve without another query.
      const definitions = await runPlanned(
        ctx.tx.query.workflowDefinitions.findMany({ where: { accountId, id: { in: ids } } }),
      );
      const byId = new Map(definitions.map((d) => [d.id, d]));
      return [...rows].flatMap((r) => {
        const definition = byId.get(r.definition_id);
        return definition
          ? [
              {
                definition,
                hour: new Date(r.hour),
                finished: r.finished,
                completed: r.completed,
                failed: r.failed,
                cancelled: r.cancelled,
                avgDurationMs: r.avg_duration_ms,
                p95DurationMs: r.p95_duration_ms,
                successRate: r.success_rate,
              },
            ]
          : [];
      });
    },
  }),
}));
