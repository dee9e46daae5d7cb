// Journey reads: the current account's journeys (by status, searched by name), newest first, and
// one journey.
import { schema } from "@markettina/db";
import { and, count, eq, ilike, isNull, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { JourneyConnection, JourneyRef, JourneyStatusEnum } from "./journey-types.ts";

type Journeys = typeof schema.journeys;

const JourneyFilter = builder.inputType("JourneyFilter", {
  fields: (t) => ({
    status: t.field({ type: JourneyStatusEnum }),
    search: t.string({ description: "Part of the name, any case." }),
  }),
});
type JourneyFilterInput = typeof JourneyFilter.$inferInput;

/** The filter as SQL: rows and totalCount use the same condition. */
function journeyFilter(j: Journeys, accountId: string, f?: JourneyFilterInput | null): SQL {
  return and(
    eq(j.accountId, accountId),
    isNull(j.deletedAt),
    f?.status ? eq(j.status, f.status) : undefined,
    f?.search ? ilike(j.name, `%${f.search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  journeys: t.drizzleConnection(
    {
      type: "journeys",
      authScopes: { permission: "journeys:read" },
      args: { filter: t.arg({ type: JourneyFilter }) },
      totalCount: async (_root, args, ctx) => {
        const j = schema.journeys;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(j)
          .where(journeyFilter(j, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.journeys.findMany(
            query({
              where: { RAW: (j) => journeyFilter(j, currentAccountId(ctx), args.filter) },
              orderBy: { createdAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    JourneyConnection,
  ),
  journey: t.drizzleField({
    type: JourneyRef,
    nullable: true,
    description: "One journey of the current account; null if none (or deleted).",
    authScopes: { permission: "journeys:read" },
    args: { id: t.arg.globalID({ required: true, for: JourneyRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.journeys.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id, deletedAt: { isNull: true } } }),
        ),
        "journey_by_id",
      ).then((j) => j ?? null),
  }),
}));
