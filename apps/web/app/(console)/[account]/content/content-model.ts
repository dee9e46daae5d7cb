// Content as the console shows it: types, statuses and channels in words, each channel's length
// limit (the same table the API's brand check uses, packages/domain/src/content/channel-rules.ts,
// so the counter and the check agree), and who may do what (the API enforces the same rules).
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { ContentItemQuery, ContentListQuery } from "./content-operations";

export type ContentListItem = ResultOf<typeof ContentListQuery>["contentItems"]["nodes"][number];
export type ContentItem = NonNullable<ResultOf<typeof ContentItemQuery>["contentItem"]>;
export type ContentStatus = ContentListItem["status"];
export type ContentType = ContentListItem["type"];
export type BrandCheck = NonNullable<ContentListItem["brandCheck"]>;
export type ContentApproval = ContentItem["approvals"][number];
export type ContentVersion = ContentItem["versions"]["nodes"][number];

export const CONTENT_TYPES = [
  "SOCIAL_POST",
  "EMAIL",
  "BLOG_POST",
  "AD_COPY",
  "SMS",
] as const satisfies readonly ContentType[];

export const CONTENT_STATUSES = [
  "DRAFT",
  "REVIEW",
  "APPROVED",
  "PUBLISHED",
  "ARCHIVED",
] as const satisfies readonly ContentStatus[];

export const TYPE_LABELS: Record<ContentType, string> = {
  SOCIAL_POST: "Social post",
  EMAIL: "Email",
  BLOG_POST: "Blog post",
  AD_COPY: "Ad copy",
  SMS: "SMS",
};

export const STATUS_LABELS: Record<ContentStatus, string> = {
  DRAFT: "Draft",
  REVIEW: "In review",
  APPROVED: "Approved",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

export const STATUS_TONES = {
  DRAFT: "neutral",
  REVIEW: "warning",
  APPROVED: "accent",
  PUBLISHED: "success",
  ARCHIVED: "neutral",
} as const satisfies Record<ContentStatus, string>;

export const CHANNELS = ["LINKEDIN", "X", "INSTAGRAM", "FACEBOOK", "EMAIL", "BLOG", "WEBHOOK"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_RULES: Record<Channel, { label: string; maxLength: number }> = {
  X: { label: "X", maxLength: 280 },
  LINKEDIN: { label: "LinkedIn", maxLength: 3000 },
  INSTAGRAM: { label: "Instagram", maxLength: 2200 },
  FACEBOOK: { label: "Facebook", maxLength: 5000 },
  EMAIL: { label: "Email", maxLength: 20_000 },
  WEBHOOK: { label: "Webhook", maxLength: 100_000 },
  BLOG: { label: "Blog", maxLength: 100_000 },
};

/** The channel a content type goes to when none is named; saved items are checked against it. */
export const DEFAULT_CHANNEL: Record<ContentType, Channel> = {
  SOCIAL_POST: "LINKEDIN",
  EMAIL: "EMAIL",
  BLOG_POST: "BLOG",
  AD_COPY: "FACEBOOK",
  SMS: "X",
};

/** SMS is judged by its own limit whatever channel carries it. */
export function maxLengthFor(type: ContentType, channel: Channel): number {
  return type === "SMS" ? 160 : CHANNEL_RULES[channel].maxLength;
}

/** What a limit is called next to the counter: "LinkedIn", "SMS". */
export function limitName(type: ContentType, channel: Channel): string {
  return type === "SMS" ? "SMS" : CHANNEL_RULES[channel].label;
}

/** Characters as the brand check counts them: code points, so an emoji is one. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Everyone but the billing role reads content. */
export function canReadContent(role: MembershipRole | null | undefined): boolean {
  return role !== "BILLING" && role != null;
}

/** Owners, admins and members write content, ask for reviews and generate drafts (content:write). */
export function canWriteContent(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}

/** Owners and admins approve or reject content in review (content:approve). */
export function canApproveContent(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN";
}

/** Published items are a record of what went out; archived ones are restored first. */
export function isEditable(status: ContentStatus): boolean {
  return status !== "PUBLISHED" && status !== "ARCHIVED";
}
