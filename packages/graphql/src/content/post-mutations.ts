// Calendar mutations: each parses its input, calls one domain operation, answers the post.
import {
  cancelPost,
  publishPostNow,
  reschedulePost,
  retryPost,
  type ScheduledPostRow,
  schedulePost,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { ConnectorRef } from "./connector-types.ts";
import { ContentItemRef } from "./content-item-types.ts";
import { PostChannelEnum, ScheduledPostRef } from "./post-types.ts";
import { CampaignRef } from "./types.ts";

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ post: ScheduledPostRow }>>(name).implement({
    fields: (t) => ({
      post: t.field({ type: ScheduledPostRef, nullable: true, resolve: (p) => p.post }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type FieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];
const ref = (t: FieldBuilder) => ({
  id: t.input.globalID({ required: true, for: ScheduledPostRef }),
  version: t.input.int({ required: true }),
});

builder.mutationFields((t) => ({
  schedulePost: t.fieldWithInput({
    type: payload("SchedulePostPayload"),
    description:
      "Puts a content item on the calendar. scheduledAt must be in the future (IN_THE_PAST); timeZone is the IANA zone it is planned in. The connector must be enabled and carry the channel: smtp → EMAIL; webhook → WEBHOOK, LINKEDIN, INSTAGRAM, FACEBOOK, X, BLOG; log → any. campaignId defaults to the item's campaign.",
    authScopes: { authenticated: true },
    input: {
      contentItemId: t.input.globalID({ required: true, for: ContentItemRef }),
      connectorId: t.input.globalID({ required: true, for: ConnectorRef }),
      channel: t.input.field({ type: PostChannelEnum, required: true }),
      scheduledAt: t.input.field({ type: "DateTime", required: true }),
      timeZone: t.input.string({ required: true }),
      campaignId: t.input.globalID({ for: CampaignRef }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          post: await schedulePost(op, {
            contentItemId: input.contentItemId.id,
            connectorId: input.connectorId.id,
            channel: input.channel,
            scheduledAt: input.scheduledAt,
            timeZone: input.timeZone,
            campaignId: input.campaignId === undefined ? undefined : (input.campaignId?.id ?? null),
          }),
        }),
        { post: null },
      ),
  }),
  reschedulePost: t.fieldWithInput({
    type: payload("ReschedulePostPayload"),
    description:
      "Moves a scheduled (or failed) post: to an exact instant (scheduledAt), or to another day (date, YYYY-MM-DD) keeping its local time of day in its zone, across DST changes too. timeZone optionally changes the zone it is planned in. Never into the past (IN_THE_PAST), never once publishing or published (INVALID_TRANSITION); a stale version is a CONFLICT.",
    authScopes: { authenticated: true },
    input: {
      ...ref(t),
      scheduledAt: t.input.field({ type: "DateTime" }),
      date: t.input.string({ description: "The new day, YYYY-MM-DD." }),
      timeZone: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          post: await reschedulePost(op, {
            id: input.id.id,
            version: input.version,
            scheduledAt: input.scheduledAt ?? undefined,
            date: input.date ?? undefined,
            timeZone: input.timeZone ?? undefined,
          }),
        }),
        { post: null },
      ),
  }),
  cancelPost: t.fieldWithInput({
    type: payload("CancelPostPayload"),
    description: "Takes a scheduled or failed post off the calendar (not once publishing or published).",
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ post: await cancelPost(op, { id: input.id.id, version: input.version }) }),
        {
          post: null,
        },
      ),
  }),
  retryPost: t.fieldWithInput({
    type: payload("RetryPostPayload"),
    description: "Schedules a failed post again, due at once; its attempts so far are kept.",
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ post: await retryPost(op, { id: input.id.id, version: input.version }) }),
        {
          post: null,
        },
      ),
  }),
  publishPostNow: t.fieldWithInput({
    type: payload("PublishPostNowPayload"),
    description: "Makes a scheduled post due now: the publisher sends it within seconds.",
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ post: await publishPostNow(op, { id: input.id.id, version: input.version }) }),
        { post: null },
      ),
  }),
}));
