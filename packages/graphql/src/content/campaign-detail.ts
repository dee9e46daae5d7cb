// A campaign's detail: the `campaign(id)` query, its posts on the calendar, and its stats.
//
// No N+1: `stats` is a SQL expression (drizzle `extras`) merged into the query that loads the
// campaigns, one grouped sub-select per counted table; `posts` is a nested connection the drizzle
// plugin plans into the same query. A list of 50 campaigns with stats and posts is still one
// statement, like a list of one (apps/api/test/scheduled-posts.integration.test.ts counts them).
import { sql } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { ScheduledPostConnection } from "./post-types.ts";
import { CampaignRef } from "./types.ts";

interface CampaignStats {
  contentItems: number;
  scheduled: number;
  publishing: number;
  published: number;
  failed: number;
  cancelled: number;
}

const CampaignStatsRef = builder.objectRef<CampaignStats>("CampaignStats").implement({
  description: "How much of the campaign there is and where its posts stand.",
  fields: (t) => ({
    contentItems: t.exposeInt("contentItems", {
      description: "Content items in the campaign, archived ones aside.",
    }),
    scheduled: t.exposeInt("scheduled", { description: "Posts waiting for their time." }),
    publishing: t.exposeInt("publishing", { description: "Posts being published right now." }),
    published: t.exposeInt("published"),
    failed: t.exposeInt("failed"),
    cancelled: t.exposeInt("cancelled"),
  }),
});

builder.drizzleObjectFields(CampaignRef, (t) => ({
  posts: t.relatedConnection(
    "posts",
    {
      description: "The campaign's posts on the calendar, in time order.",
      authScopes: { permission: "content:read" },
      totalCount: true,
      query: { orderBy: { scheduledAt: "asc", id: "asc" } },
    },
    ScheduledPostConnection,
  ),
  stats: t.field({
    type: CampaignStatsRef,
    authScopes: { permission: "content:read" },
    // Counted under the request's row-level security, like every read.
    select: {
      extras: {
        stats: (c) => sql<CampaignStats>`(
          select json_build_object(
            'contentItems', (select count(*) from content_items i
                              where i.account_id = ${c.accountId} and i.campaign_id = ${c.id}
                                and i.status <> 'archived'),
            'scheduled', count(*) filter (where p.status = 'scheduled'),
            'publishing', count(*) filter (where p.status = 'publishing'),
            'published', count(*) filter (where p.status = 'published'),
            'failed', count(*) filter (where p.status = 'failed'),
            'cancelled', count(*) filter (where p.status = 'cancelled'))
          from scheduled_posts p
          where p.account_id = ${c.accountId} and p.campaign_id = ${c.id})`,
      },
    },
    resolve: (c) => c.stats,
  }),
}));

builder.queryFields((t) => ({
  campaign: t.drizzleField({
    type: CampaignRef,
    nullable: true,
    description: "One campaign of the current account (in the trash too: see deletedAt); null if none.",
    authScopes: { permission: "campaigns:read" },
    args: { id: t.arg.globalID({ required: true, for: CampaignRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.campaigns.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id } }),
        ),
        "campaign_by_id",
      ).then((c) => c ?? null),
  }),
}));
