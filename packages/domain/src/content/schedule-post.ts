// A marketer puts a content item on the calendar: one channel, one connector, one instant (kept in
// UTC with the IANA zone it was planned in). The publisher picks it up when it is due.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, notFound, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { POST_CHANNELS } from "./channel-rules.ts";
import {
  CHANNELS_BY_CONNECTOR_KIND,
  connectorCarries,
  PostTimeZone,
  requireFutureTime,
  type ScheduledPostRow,
} from "./post-inputs.ts";

export const SchedulePostInput = z.object({
  contentItemId: z.uuid(),
  connectorId: z.uuid(),
  channel: z.enum(POST_CHANNELS),
  scheduledAt: z.date(),
  timeZone: PostTimeZone,
  /** Defaults to the content item's campaign. */
  campaignId: z.uuid().nullish(),
});
export type SchedulePostInput = z.input<typeof SchedulePostInput>;

export async function schedulePost(ctx: OperationContext, raw: SchedulePostInput): Promise<ScheduledPostRow> {
  authorize(ctx, "content:write");
  const input = parseInput(SchedulePostInput, raw);
  requireFutureTime(input.scheduledAt, "scheduledAt");
  const { contentItems: i, connectors: k } = schema;
  // Read under RLS and filtered by the acting account: an id from another tenant is not found.
  // `for share` keeps the item from being archived, and the connector from being disabled or
  // deleted, until this post is in.
  const [[item], [connector]] = await Promise.all([
    ctx.tx
      .select({ id: i.id, status: i.status, campaignId: i.campaignId })
      .from(i)
      .where(and(eq(i.accountId, ctx.accountId), eq(i.id, input.contentItemId)))
      .for("share"),
    ctx.tx
      .select({ id: k.id, kind: k.kind, enabled: k.enabled })
      .from(k)
      .where(and(eq(k.accountId, ctx.accountId), eq(k.id, input.connectorId)))
      .for("share"),
  ]);
  if (!item) return notFound("contentItemId", "Content item");
  if (item.status === "archived")
    fail("INVALID", "This content is archived: restore it first.", "contentItemId");
  if (!connector) return notFound("connectorId", "Connector");
  if (!connector.enabled) fail("INVALID", "This connector is disabled: enable it first.", "connectorId");
  if (!connectorCarries(connector.kind, input.channel)) {
    fail(
      "INVALID",
      `A ${connector.kind} connector publishes to ${CHANNELS_BY_CONNECTOR_KIND[connector.kind].join(", ")}, not ${input.channel}.`,
      "channel",
    );
  }
  // A named campaign must be open; the item's own campaign is taken only while it is.
  let campaignId = input.campaignId ?? null;
  if (campaignId) {
    const problem = await campaignProblem(ctx, campaignId);
    if (problem) fail(problem.code, problem.message, "campaignId");
  } else if (input.campaignId === undefined && item.campaignId) {
    campaignId = (await campaignProblem(ctx, item.campaignId)) ? null : item.campaignId;
  }

  const [post] = await ctx.tx
    .insert(schema.scheduledPosts)
    .values({
      accountId: ctx.accountId,
      contentItemId: item.id,
      campaignId,
      channel: input.channel,
      connectorId: connector.id,
      scheduledAt: input.scheduledAt,
      timeZone: input.timeZone,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordChange(ctx, {
    action: "scheduled_post.scheduled",
    entityType: "scheduled_post",
    entityId: post!.id,
    after: post,
  });
  return post!;
}

/** Why a post may not join this campaign: only a live one takes posts (not trashed, not finished). */
async function campaignProblem(
  ctx: OperationContext,
  id: string,
): Promise<{ code: "NOT_FOUND" | "INVALID"; message: string } | null> {
  const c = schema.campaigns;
  const [campaign] = await ctx.tx
    .select({ status: c.status, deletedAt: c.deletedAt })
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, id)))
    .for("share");
  if (!campaign || campaign.deletedAt) return { code: "NOT_FOUND", message: "Campaign not found." };
  if (campaign.status === "completed" || campaign.status === "cancelled") {
    return { code: "INVALID", message: `The campaign is ${campaign.status}: it takes no more posts.` };
  }
  return null;
}
