// Campaign reads: the current account's campaigns, filtered and searched, newest first.
import { schema } from "@markettina/db";
import { count } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { campaignFilter } from "./filters.ts";
import { CampaignConnection, CampaignStatusEnum, CampaignTypeEnum } from "./types.ts";

const CampaignFilter = builder.inputType("CampaignFilter", {
  fields: (t) => ({
    statuses: t.field({ type: [CampaignStatusEnum] }),
    type: t.field({ type: CampaignTypeEnum }),
    search: t.string({ description: "Part of the name, any case." }),
    tag: t.string(),
    deleted: t.boolean({ description: "The trash: deleted campaigns, restorable for 30 days." }),
  }),
});

builder.queryFields((t) => ({
  campaigns: t.drizzleConnection(
    {
      type: "campaigns",
      authScopes: { permission: "campaigns:read" },
      args: { filter: t.arg({ type: CampaignFilter }) },
      totalCount: async (_root, args, ctx) => {
        const c = schema.campaigns;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(c)
          .where(campaignFilter(c, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.campaigns.findMany(
            query({
              where: { RAW: (c) => campaignFilter(c, currentAccountId(ctx), args.filter) },
              orderBy: { createdAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    CampaignConnection,
  ),
}));
