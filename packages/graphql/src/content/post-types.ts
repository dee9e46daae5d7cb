// Scheduled posts: the calendar's entries. Every time is UTC; `timeZone` is the IANA zone the post
// was planned in, and `scheduledAtLocal` its wall-clock time there ("09:00 local").
import { localTimeIn, POST_CHANNELS, SCHEDULED_POST_STATUSES } from "@markettina/domain";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const PostChannelEnum = builder.enumType("PostChannel", { values: upper(POST_CHANNELS) });
export const ScheduledPostStatusEnum = builder.enumType("ScheduledPostStatus", {
  values: upper(SCHEDULED_POST_STATUSES),
});

export const ScheduledPostRef = builder.drizzleNode("scheduledPosts", {
  name: "ScheduledPost",
  id: { column: (p) => p.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    channel: t.expose("channel", { type: PostChannelEnum }),
    status: t.expose("status", { type: ScheduledPostStatusEnum }),
    scheduledAt: t.expose("scheduledAt", { type: "DateTime", description: "When it goes out, in UTC." }),
    timeZone: t.exposeString("timeZone", { description: "The IANA zone the post was planned in." }),
    scheduledAtLocal: t.string({
      description: "The wall-clock time in timeZone, ISO without offset (2027-03-30T09:00:00).",
      select: { columns: { scheduledAt: true, timeZone: true } },
      resolve: (p) => localTimeIn(p.scheduledAt, p.timeZone),
    }),
    attempts: t.exposeInt("attempts", { description: "Publishing attempts so far." }),
    nextAttemptAt: t.expose("nextAttemptAt", {
      type: "DateTime",
      nullable: true,
      description: "After a failed attempt: when the next one may run.",
    }),
    lastError: t.exposeString("lastError", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    externalId: t.exposeString("externalId", {
      nullable: true,
      description: "The receiving system's reference for what was published.",
    }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    account: t.relation("account", { description: "The account the post belongs to (agency calendars)." }),
    campaign: t.relation("campaign", { nullable: true }),
    contentItem: t.relation("contentItem"),
    connector: t.relation("connector"),
    // Shortcuts for list views (the campaign page uses them); the relations above carry the rest.
    contentItemTitle: t.string({
      select: { with: { contentItem: { columns: { title: true } } } },
      resolve: (p) => p.contentItem.title,
    }),
    connectorName: t.string({
      select: { with: { connector: { columns: { name: true } } } },
      resolve: (p) => p.connector.name,
    }),
  }),
});

export const ScheduledPostConnection = namedConnection(ScheduledPostRef, "ScheduledPost");
