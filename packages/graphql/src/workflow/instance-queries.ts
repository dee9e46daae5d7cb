// Workflow instance reads: the current account's instances, newest first, filtered by status,
// definition (every version of its name), priority, creation time and correlation id; and one
// instance with everything the detail page shows (planned: see instance-types.ts).
import { schema } from "@markettina/db";
import { and, count, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { versionsOfDefinition } from "./definition-queries.ts";
import {
  WorkflowDefinitionRef,
  WorkflowInstanceStatusEnum,
  WorkflowPriorityEnum,
} from "./definition-types.ts";
import { WorkflowInstanceConnection, WorkflowInstanceRef } from "./instance-types.ts";

type Instances = typeof schema.workflowInstances;

const WorkflowInstanceFilter = builder.inputType("WorkflowInstanceFilter", {
  fields: (t) => ({
    status: t.field({ type: [WorkflowInstanceStatusEnum], description: "Any of these statuses." }),
    definitionId: t.globalID({
      for: WorkflowDefinitionRef,
      description: "Instances of this definition's name, whichever version they run.",
    }),
    priority: t.field({ type: WorkflowPriorityEnum }),
    createdAfter: t.field({ type: "DateTime", description: "Created at or after this time." }),
    createdBefore: t.field({ type: "DateTime", description: "Created before this time." }),
    correlationId: t.string({ description: "Exactly this correlation id." }),
  }),
});
type WorkflowInstanceFilterInput = typeof WorkflowInstanceFilter.$inferInput;

/** The filter as SQL: rows and totalCount use the same condition. */
function instanceFilter(i: Instances, accountId: string, f?: WorkflowInstanceFilterInput | null): SQL {
  return and(
    eq(i.accountId, accountId),
    f?.status?.length ? inArray(i.status, f.status) : undefined,
    f?.definitionId ? inArray(i.definitionId, versionsOfDefinition(accountId, f.definitionId.id)) : undefined,
    f?.priority ? eq(i.priority, f.priority) : undefined,
    f?.createdAfter ? gte(i.createdAt, f.createdAfter) : undefined,
    f?.createdBefore ? lt(i.createdAt, f.createdBefore) : undefined,
    f?.correlationId ? eq(i.correlationId, f.correlationId) : undefined,
  )!;
}

builder.queryFields((t) => ({
  workflowInstances: t.drizzleConnection(
    {
      type: "workflowInstances",
      description: "Instances of the current account, newest first.",
      authScopes: { permission: "workflows:read" },
      args: { filter: t.arg({ type: WorkflowInstanceFilter }) },
      totalCount: async (_root, args, ctx) => {
        const i = schema.workflowInstances;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(i)
          .where(instanceFilter(i, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.workflowInstances.findMany(
            query({
              where: { RAW: (i) => instanceFilter(i, currentAccountId(ctx), args.filter) },
              orderBy: { createdAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    WorkflowInstanceConnection,
  ),
  workflowInstance: t.drizzleField({
    type: WorkflowInstanceRef,
    nullable: true,
    description: "One instance of the current account, with its steps, attempts and history; null if none.",
    authScopes: { permission: "workflows:read" },
    args: { id: t.arg.globalID({ required: true, for: WorkflowInstanceRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.workflowInstances.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id } }),
        ),
        "workflow_instance_by_id",
      ).then((i) => i ?? null),
  }),
}));
