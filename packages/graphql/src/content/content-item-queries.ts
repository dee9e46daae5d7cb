// Content item reads: the current account's items, filtered and searched, most recently changed
// first; and one item by id.
import { schema } from "@markettina/db";
import { and, count, eq, ilike, inArray, ne, or, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import {
  ContentItemConnection,
  ContentItemRef,
  ContentStatusEnum,
  ContentTypeEnum,
} from "./content-item-types.ts";
import { CampaignRef } from "./types.ts";

type ContentItems = typeof schema.contentItems;
type Row = ContentItems["$inferSelect"];

interface ContentItemFilterInput {
  statuses?: Row["status"][] | null;
  types?: Row["type"][] | null;
  campaignId?: { id: string } | null;
  search?: string | null;
}

/** The filter as SQL: rows and totalCount use the same condition. */
function contentItemFilter(c: ContentItems, accountId: string, f?: ContentItemFilterInput | null): SQL {
  const pattern = f?.search ? `%${f.search.replace(/[%_\\]/g, "\\$&")}%` : null;
  return and(
    eq(c.accountId, accountId),
    // Archived items stay out of lists unless asked for.
    f?.statuses && f.statuses.length > 0 ? inArray(c.status, f.statuses) : ne(c.status, "archived"),
    f?.types && f.types.length > 0 ? inArray(c.type, f.types) : undefined,
    f?.campaignId ? eq(c.campaignId, f.campaignId.id) : undefined,
    pattern ? or(ilike(c.title, pattern), ilike(c.subject, pattern), ilike(c.body, pattern)) : undefined,
  )!;
}

const ContentItemFilter = builder.inputType("ContentItemFilter", {
  fields: (t) => ({
    statuses: t.field({
      type: [ContentStatusEnum],
      description: "Leave out for every status but ARCHIVED.",
    }),
    types: t.field({ type: [ContentTypeEnum] }),
    campaignId: t.globalID({ for: CampaignRef }),
    search: t.string({ description: "Part of the title, subject or body, any case." }),
  }),
});

builder.queryFields((t) => ({
  contentItems: t.drizzleConnection(
    {
      type: "contentItems",
      authScopes: { permission: "content:read" },
      args: { filter: t.arg({ type: ContentItemFilter }) },
      totalCount: async (_root, args, ctx) => {
        const c = schema.contentItems;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(c)
          .where(contentItemFilter(c, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.contentItems.findMany(
            query({
              where: { RAW: (c) => contentItemFilter(c, currentAccountId(ctx), args.filter) },
              orderBy: { updatedAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    ContentItemConnection,
  ),

  contentItem: t.drizzleField({
    type: ContentItemRef,
    nullable: true,
    description: "One of the current account's items (null if there is none with this id).",
    authScopes: { permission: "content:read" },
    args: { id: t.arg.globalID({ required: true, for: ContentItemRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.contentItems.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id } }),
        ),
        "content_item",
      ),
  }),
}));
