// The operators' actions on the database (platform admins, audited by the domain): cancel or
// terminate a session, reset pg_stat_statements, ANALYZE a table, EXPLAIN a tracked statement.
// Each runs in a savepoint; a refusal (FORBIDDEN) or bad input comes back as userErrors.
import {
  analyzeTable,
  cancelDatabaseBackend,
  explainQuery,
  type QueryPlan,
  resetQueryStats,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { runPlatformMutation } from "../platform/platform-admin.ts";
import { type MutationResult, UserErrorRef } from "../platform/user-errors.ts";
import { healthDeps } from "./health-deps.ts";

const CancelDatabaseBackendPayloadRef = builder
  .objectRef<MutationResult<{ pid: number; terminated: boolean }>>("CancelDatabaseBackendPayload")
  .implement({
    fields: (t) => ({
      pid: t.exposeInt("pid", { nullable: true }),
      terminated: t.exposeBoolean("terminated", { nullable: true }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const ResetQueryStatsPayloadRef = builder
  .objectRef<MutationResult<{ resetAt: Date }>>("ResetQueryStatsPayload")
  .implement({
    fields: (t) => ({
      resetAt: t.expose("resetAt", { type: "DateTime", nullable: true }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const AnalyzeTablePayloadRef = builder
  .objectRef<MutationResult<{ table: string; analyzedAt: Date }>>("AnalyzeTablePayload")
  .implement({
    fields: (t) => ({
      table: t.exposeString("table", { nullable: true }),
      analyzedAt: t.expose("analyzedAt", { type: "DateTime", nullable: true }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const DatabaseQueryPlanRef = builder.objectRef<QueryPlan>("DatabaseQueryPlan").implement({
  fields: (t) => ({
    queryId: t.exposeString("queryId"),
    query: t.exposeString("query"),
    plan: t.exposeString("plan", { description: "EXPLAIN's text output." }),
    analyzed: t.exposeBoolean("analyzed", {
      description: "Whether the statement ran (and was rolled back).",
    }),
    generic: t.exposeBoolean("generic", { description: "Whether this is a generic plan ($n parameters)." }),
  }),
});

const ExplainQueryPayloadRef = builder
  .objectRef<MutationResult<{ plan: QueryPlan }>>("ExplainQueryPayload")
  .implement({
    fields: (t) => ({
      plan: t.expose("plan", { type: DatabaseQueryPlanRef, nullable: true }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  cancelDatabaseBackend: t.fieldWithInput({
    type: CancelDatabaseBackendPayloadRef,
    description:
      "Platform admins: cancels a session's running query, or (terminate: true) ends the session. Audited.",
    authScopes: { authenticated: true },
    input: {
      pid: t.input.int({ required: true }),
      terminate: t.input.boolean({ defaultValue: false }),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        (platform) =>
          cancelDatabaseBackend(platform, { pid: input.pid, terminate: input.terminate ?? false }),
        { pid: null, terminated: null },
      ),
  }),

  resetQueryStats: t.field({
    type: ResetQueryStatsPayloadRef,
    description: "Platform admins: resets pg_stat_statements for this database. Audited.",
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) =>
      runPlatformMutation(ctx, (platform) => resetQueryStats(platform), { resetAt: null }),
  }),

  analyzeTable: t.fieldWithInput({
    type: AnalyzeTablePayloadRef,
    description: 'Platform admins: ANALYZE of one table ("schema.name"). Audited.',
    authScopes: { authenticated: true },
    input: { table: t.input.string({ required: true }) },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(ctx, (platform) => analyzeTable(platform, { table: input.table }), {
        table: null,
        analyzedAt: null,
      }),
  }),

  explainQuery: t.fieldWithInput({
    type: ExplainQueryPayloadRef,
    description:
      "Platform admins: EXPLAIN of a statement from the top-queries list, by queryId; ANALYZE only when asked, read-only, rolled back, under a statement timeout. Audited.",
    authScopes: { authenticated: true },
    input: {
      queryId: t.input.string({ required: true }),
      analyze: t.input.boolean({ defaultValue: false }),
    },
    resolve: (_root, { input }, ctx) =>
      runPlatformMutation(
        ctx,
        async (platform) => ({
          plan: await explainQuery(
            platform,
            { queryId: input.queryId, analyze: input.analyze ?? false },
            healthDeps(ctx),
          ),
        }),
        { plan: null },
      ),
  }),
}));
