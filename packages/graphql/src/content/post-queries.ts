// The calendar: the posts scheduled in a time range, in time order, filtered by channel, campaign
// and status. An agency owner or admin may ask for several of the agency's sub-accounts at once
// (accountIds); any account outside the request's tenant scope is refused, and row-level security
// would return none of its rows anyway.
import type { schema } from "@markettina/db";
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import { currentAccountId, type GraphQLContext } from "../context.ts";
import { AccountRef } from "../identity/types.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { PostChannelEnum, ScheduledPostRef, ScheduledPostStatusEnum } from "./post-types.ts";
import { CampaignRef } from "./types.ts";

/** The widest range one calendar read may span: two months and a bit (a month view with the
 * neighbouring weeks shown). */
export const CALENDAR_MAX_DAYS = 62;
/** Posts one calendar read returns at most; the range limit keeps real calendars well under it. */
export const CALENDAR_MAX_POSTS = 2_000;

type Posts = typeof schema.scheduledPosts;
type Row = Posts["$inferSelect"];

interface CalendarArgs {
  from: Date;
  to: Date;
  channels?: Row["channel"][] | null;
  campaignIds?: { id: string }[] | null;
  statuses?: Row["status"][] | null;
  accountIds?: { id: string }[] | null;
}

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: "INVALID" } });

/** The accounts asked for: the current one by default; others only within the tenant scope. */
function calendarAccounts(ctx: GraphQLContext, asked: { id: string }[] | null | undefined): string[] {
  const current = currentAccountId(ctx);
  if (!asked || asked.length === 0) return [current];
  const readable = new Set(ctx.access?.scope.accountIds ?? []);
  const ids = [...new Set(asked.map((a) => a.id))];
  // One answer whether the account exists or not: nothing tells another tenant's id apart.
  if (ids.some((id) => !readable.has(id))) {
    throw new GraphQLError("You cannot see the calendar of one of these accounts.", {
      extensions: { code: "FORBIDDEN" },
    });
  }
  return ids;
}

function calendarFilter(p: Posts, accountIds: string[], args: CalendarArgs): SQL {
  return and(
    accountIds.length === 1 ? eq(p.accountId, accountIds[0]!) : inArray(p.accountId, accountIds),
    gte(p.scheduledAt, args.from),
    lt(p.scheduledAt, args.to),
    args.channels?.length ? inArray(p.channel, args.channels) : undefined,
    args.statuses?.length ? inArray(p.status, args.statuses) : undefined,
    args.campaignIds?.length
      ? inArray(
          p.campaignId,
          args.campaignIds.map((c) => c.id),
        )
      : undefined,
  )!;
}

builder.queryFields((t) => ({
  calendar: t.drizzleField({
    type: [ScheduledPostRef],
    description: `Posts scheduled from \`from\` (inclusive) to \`to\` (exclusive), in time order. The range may span at most ${CALENDAR_MAX_DAYS} days (INVALID otherwise); at most ${CALENDAR_MAX_POSTS} posts are returned. accountIds: agency owners and admins may list sub-accounts of the current agency (FORBIDDEN for any other account); default: the current account.`,
    authScopes: { permission: "content:read" },
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      channels: t.arg({ type: [PostChannelEnum] }),
      campaignIds: t.arg.globalIDList({ for: CampaignRef }),
      statuses: t.arg({ type: [ScheduledPostStatusEnum] }),
      accountIds: t.arg.globalIDList({ for: AccountRef }),
    },
    resolve: (query, _root, args, ctx) => {
      if (args.to.getTime() <= args.from.getTime()) throw invalid("`to` must be after `from`.");
      if (args.to.getTime() - args.from.getTime() > CALENDAR_MAX_DAYS * 86_400_000) {
        throw invalid(`A calendar read spans at most ${CALENDAR_MAX_DAYS} days.`);
      }
      const accountIds = calendarAccounts(ctx, args.accountIds);
      return runPlanned(
        ctx.tx.query.scheduledPosts.findMany(
          query({
            where: { RAW: (p) => calendarFilter(p, accountIds, args) },
            orderBy: { scheduledAt: "asc", id: "asc" },
            limit: CALENDAR_MAX_POSTS,
          }),
        ),
      );
    },
  }),
}));
