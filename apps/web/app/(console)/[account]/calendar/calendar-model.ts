// The calendar's vocabulary: channels with their colours, post statuses with their badges, what a
// role may do, and which connector kinds carry which channels (the API's rule, mirrored so the
// dialog offers only connectors that fit; the API still decides).
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { CalendarPostsQuery } from "./calendar-operations";

export type CalendarPost = ResultOf<typeof CalendarPostsQuery>["calendar"][number];
export type PostChannel = CalendarPost["channel"];
export type PostStatus = CalendarPost["status"];

export const POST_CHANNELS = [
  "LINKEDIN",
  "INSTAGRAM",
  "FACEBOOK",
  "X",
  "EMAIL",
  "BLOG",
  "WEBHOOK",
] as const satisfies readonly PostChannel[];

/** Each channel's name and colour; every colour carries white text at 4.5:1 or better. */
export const CHANNELS: Record<PostChannel, { label: string; color: string }> = {
  LINKEDIN: { label: "LinkedIn", color: "#0369a1" },
  INSTAGRAM: { label: "Instagram", color: "#be185d" },
  FACEBOOK: { label: "Facebook", color: "#4338ca" },
  X: { label: "X", color: "#27272a" },
  EMAIL: { label: "Email", color: "#047857" },
  BLOG: { label: "Blog", color: "#7e22ce" },
  WEBHOOK: { label: "Webhook", color: "#b45309" },
};

export const POST_STATUSES = [
  "SCHEDULED",
  "PUBLISHING",
  "PUBLISHED",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly PostStatus[];

export const STATUS_LABELS: Record<PostStatus, string> = {
  SCHEDULED: "Scheduled",
  PUBLISHING: "Publishing",
  PUBLISHED: "Published",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

/** The status pill on an event: light on the channel's colour, red when it failed. */
export const STATUS_PILL: Record<PostStatus, string> = {
  SCHEDULED: "bg-white/90 text-zinc-800",
  PUBLISHING: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-600 text-white ring-1 ring-white",
  CANCELLED: "bg-zinc-200 text-zinc-700",
};

export const STATUS_TONE = {
  SCHEDULED: "accent",
  PUBLISHING: "warning",
  PUBLISHED: "success",
  FAILED: "danger",
  CANCELLED: "neutral",
} as const satisfies Record<PostStatus, string>;

/** While a post is due or being published, the calendar asks again this often until it is done. */
export const PUBLISHING_POLL_MS = 1_500;

/** How long after its time a post still waiting is watched; later, the publisher is likely down. */
const DUE_WATCH_MS = 5 * 60_000;

/** Being published, or just due and waiting for the publisher. */
export function isPublishing(post: Pick<CalendarPost, "status" | "scheduledAt">, now = Date.now()): boolean {
  if (post.status === "PUBLISHING") return true;
  const due = new Date(post.scheduledAt).getTime();
  return post.status === "SCHEDULED" && due <= now && due > now - DUE_WATCH_MS;
}

/** Only a scheduled post moves: once publishing, published, failed or cancelled it stays put. */
export const isMovable = (status: PostStatus): boolean => status === "SCHEDULED";

/** Owners, admins and members schedule and move posts (content:write); viewers only look. */
export function canSchedule(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}

/** Everyone but the billing-only role reads the calendar (content:read). */
export function canReadCalendar(role: MembershipRole | null | undefined): boolean {
  return role !== "BILLING";
}

type ConnectorKind = "SMTP" | "WEBHOOK" | "LOG";

/** SMTP sends e-mail only; a webhook relays anything but e-mail; the demo log stands in for all. */
const CONNECTOR_CHANNELS: Record<ConnectorKind, readonly PostChannel[]> = {
  SMTP: ["EMAIL"],
  WEBHOOK: ["WEBHOOK", "LINKEDIN", "INSTAGRAM", "FACEBOOK", "X", "BLOG"],
  LOG: POST_CHANNELS,
};

export function connectorCarries(kind: string, channel: PostChannel): boolean {
  const channels = CONNECTOR_CHANNELS[kind as ConnectorKind];
  return channels ? channels.includes(channel) : true;
}

/** The channel a content type usually goes to, so picking an item picks a sensible channel. */
export const DEFAULT_CHANNEL: Record<string, PostChannel> = {
  SOCIAL_POST: "LINKEDIN",
  EMAIL: "EMAIL",
  BLOG_POST: "BLOG",
  AD_COPY: "FACEBOOK",
  SMS: "X",
};
