// Segment reads: the current account's live segments (by name, searchable) and one segment.
import { schema } from "@markettina/db";
import { and, count, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { SegmentConnection, SegmentRef } from "./segment-types.ts";

type Segments = typeof schema.marketingSegments;

/** The list's condition: rows and totalCount use the same one. */
function segmentFilter(s: Segments, accountId: string, search?: string | null): SQL {
  const pattern = search ? `%${search.replace(/[%_\\]/g, "\\$&")}%` : null;
  return and(
    eq(s.accountId, accountId),
    isNull(s.deletedAt),
    pattern ? or(ilike(s.name, pattern), ilike(s.description, pattern)) : undefined,
  )!;
}

builder.queryFields((t) => ({
  segments: t.drizzleConnection(
    {
      type: "marketingSegments",
      authScopes: { permission: "contacts:read" },
      args: { search: t.arg.string({ description: "Part of the name or description, any case." }) },
      totalCount: async (_root, args, ctx) => {
        const s = schema.marketingSegments;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(s)
          .where(segmentFilter(s, currentAccountId(ctx), args.search));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.marketingSegments.findMany(
            query({
              where: { RAW: (s) => segmentFilter(s, currentAccountId(ctx), args.search) },
              orderBy: { name: "asc", id: "asc" },
            }),
          ),
        ),
    },
    SegmentConnection,
  ),

  segment: t.drizzleField({
    type: SegmentRef,
    nullable: true,
    authScopes: { permission: "contacts:read" },
    args: { id: t.arg.globalID({ required: true, for: SegmentRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.marketingSegments.findFirst(
          query({ where: { id: args.id.id, accountId: currentAccountId(ctx), deletedAt: { isNull: true } } }),
        ),
        "segment_by_id",
      ).then((row) => row ?? null),
  }),
}));
