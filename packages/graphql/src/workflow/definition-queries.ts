// Workflow definition reads: the newest version of each name (by status, searched by name) and
// one version by id. Older versions hang under `versions`.
import { schema } from "@markettina/db";
import { and, count, eq, ilike, type SQL, sql } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import {
  WorkflowDefinitionConnection,
  WorkflowDefinitionRef,
  WorkflowDefinitionStatusEnum,
} from "./definition-types.ts";

type Definitions = typeof schema.workflowDefinitions;

const WorkflowDefinitionFilter = builder.inputType("WorkflowDefinitionFilter", {
  fields: (t) => ({
    status: t.field({ type: WorkflowDefinitionStatusEnum, description: "The newest version's status." }),
    search: t.string({ description: "Part of the name, any case." }),
  }),
});
type WorkflowDefinitionFilterInput = typeof WorkflowDefinitionFilter.$inferInput;

/** The newest version of each name, filtered: rows and totalCount use the same condition. */
function newestDefinitions(d: Definitions, accountId: string, f?: WorkflowDefinitionFilterInput | null): SQL {
  return and(
    eq(d.accountId, accountId),
    // (account_id, name, version) is unique and indexed: the max is an index look-up per name.
    sql`${d.version} = (select max(n.version) from workflow_definitions n
                          where n.account_id = ${d.accountId} and n.name = ${d.name})`,
    f?.status ? eq(d.status, f.status) : undefined,
    f?.search ? ilike(d.name, `%${f.search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  workflowDefinitions: t.drizzleConnection(
    {
      type: "workflowDefinitions",
      description: "The newest version of each workflow, by name.",
      authScopes: { permission: "workflows:read" },
      args: { filter: t.arg({ type: WorkflowDefinitionFilter }) },
      totalCount: async (_root, args, ctx) => {
        const d = schema.workflowDefinitions;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(d)
          .where(newestDefinitions(d, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.workflowDefinitions.findMany(
            query({
              where: { RAW: (d) => newestDefinitions(d, currentAccountId(ctx), args.filter) },
              orderBy: { name: "asc", id: "asc" },
            }),
          ),
        ),
    },
    WorkflowDefinitionConnection,
  ),
  workflowDefinition: t.drizzleField({
    type: WorkflowDefinitionRef,
    nullable: true,
    description: "One version of a workflow of the current account; null if none.",
    authScopes: { permission: "workflows:read" },
    args: { id: t.arg.globalID({ required: true, for: WorkflowDefinitionRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.workflowDefinitions.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id } }),
        ),
        "workflow_definition_by_id",
      ).then((d) => d ?? null),
  }),
}));

/** Ids of every version sharing `definitionId`'s name (the instance and stats filters). */
export const versionsOfDefinition = (accountId: string, definitionId: string): SQL => {
  const d = schema.workflowDefinitions;
  return sql`(select v.id from ${d} v where v.account_id = ${accountId} and v.name =
               (select o.name from ${d} o where o.account_id = ${accountId} and o.id = ${definitionId}))`;
};
