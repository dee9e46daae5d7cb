// What each channel accepts. Used by the brand check, the generation prompt and the editor's
// counters, so a draft is judged by the same limits everywhere.
import { schema } from "@markettina/db";

export type PostChannel = (typeof schema.postChannel.enumValues)[number];
export type ContentType = (typeof schema.contentType.enumValues)[number];
export const POST_CHANNELS = schema.postChannel.enumValues;
export const CONTENT_TYPES = schema.contentType.enumValues;

export interface ChannelRule {
  label: string;
  /** Longest body the channel publishes, in characters. */
  maxLength: number;
  /** What the prompt tells a writer about the channel. */
  guidance: string;
}

export const CHANNEL_RULES: Record<PostChannel, ChannelRule> = {
  x: { label: "X", maxLength: 280, guidance: "One idea, punchy, at most two hashtags." },
  linkedin: {
    label: "LinkedIn",
    maxLength: 3000,
    guidance: "Professional, a strong first line, short paragraphs, a question or call to action at the end.",
  },
  instagram: {
    label: "Instagram",
    maxLength: 2200,
    guidance: "Visual and warm, a hook in the first line, up to five hashtags at the end.",
  },
  facebook: { label: "Facebook", maxLength: 5000, guidance: "Conversational, one clear call to action." },
  email: {
    label: "Email",
    maxLength: 20_000,
    guidance: "A subject line under 60 characters, a greeting, short paragraphs, one call to action.",
  },
  webhook: { label: "Webhook", maxLength: 100_000, guidance: "Plain text; the receiver formats it." },
  blog: {
    label: "Blog",
    maxLength: 100_000,
    guidance: "A title, an introduction, three to five sections with subheadings, a conclusion.",
  },
};

/** The channel a content type goes to when none is named. */
export const DEFAULT_CHANNEL: Record<ContentType, PostChannel> = {
  social_post: "linkedin",
  email: "email",
  blog_post: "blog",
  ad_copy: "facebook",
  sms: "x",
};

/** SMS is judged by its own limit whatever channel carries it. */
export const maxLengthFor = (type: ContentType, channel: PostChannel): number =>
  type === "sms" ? 160 : CHANNEL_RULES[channel].maxLength;
